// One instance per process, kept on globalThis: Next's dev server reloads
// modules (and bundles some twice), which would otherwise open a second
// database client, a second writer thread or a second usage queue.

const registry = globalThis as unknown as { gatewaySingletons?: Map<string, unknown> };

export function processSingleton<Value>(name: string, create: () => Value): Value {
  registry.gatewaySingletons ??= new Map();
  if (!registry.gatewaySingletons.has(name)) registry.gatewaySingletons.set(name, create());
  return registry.gatewaySingletons.get(name) as Value;
}
