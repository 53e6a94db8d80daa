// The routes a key of the organization can call: enabled providers and routing
// groups, with the models each is known to offer. Model lists come from a
// lister the caller injects (the proxy's cached providerModels(): lib/ never
// imports proxy/) with a short timeout, so a slow or unreachable upstream
// only turns its list into suggestions instead of stalling the dashboard.
import { organizationRoutes, type ResolvedProvider } from "../cache/organization-routes";
import type { ProviderType } from "../providers/schemas";
import type { RouteSummary } from "./operations";
import { popularModels } from "./popular-models";

export type ModelLister = (provider: ResolvedProvider) => Promise<string[] | null>;

export const MODEL_LIST_TIMEOUT_MS = 1_500;

interface ProviderModels {
  models: string[];
  source: RouteSummary["modelsSource"];
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

async function modelsOf(provider: ResolvedProvider, listModels: ModelLister, timeoutMs: number): Promise<ProviderModels> {
  const listed = await withTimeout(listModels(provider), timeoutMs);
  if (listed && listed.length > 0) return { models: [...new Set(listed)].sort(), source: "provider" };
  const priced = provider.prices.map((price) => price.model);
  if (priced.length > 0 && provider.requirePricing) return { models: [...new Set(priced)].sort(), source: "provider" };
  return { models: [...new Set([...priced, ...popularModels(provider.type)])], source: "suggested" };
}

export async function listRoutes(
  organizationId: string,
  listModels: ModelLister,
  options: { timeoutMs?: number } = {},
): Promise<RouteSummary[]> {
  const timeoutMs = options.timeoutMs ?? MODEL_LIST_TIMEOUT_MS;
  const routes = await organizationRoutes(organizationId);
  const providers = [...routes.providers.values()];
  const lists = await Promise.all(providers.map((provider) => modelsOf(provider, listModels, timeoutMs)));
  const modelsById = new Map(providers.map((provider, index) => [provider.id, lists[index]]));

  // A group slug wins over a provider slug of the same name (SPEC §1).
  const summaries: RouteSummary[] = providers
    .filter((provider) => !routes.groups.has(provider.slug))
    .map((provider) => {
      const known = modelsById.get(provider.id)!;
      const type = provider.type as ProviderType;
      return { slug: provider.slug, name: provider.name, kind: "provider", type, providerTypes: [type], models: known.models, modelsSource: known.source };
    });
  for (const [slug, members] of routes.groups) {
    if (members.length === 0) continue;
    const providerTypes = [...new Set(members.map((member) => member.provider.type as ProviderType))];
    const memberLists = members.map((member) => modelsById.get(member.provider.id)!);
    const models = [...new Set(memberLists.flatMap((list) => list.models))].sort();
    const source = memberLists.some((list) => list.source === "provider") ? "provider" : "suggested";
    summaries.push({ slug, name: slug, kind: "group", type: providerTypes.length === 1 ? providerTypes[0] : null, providerTypes, models, modelsSource: source });
  }
  return summaries.sort((left, right) => (left.kind === right.kind ? left.slug.localeCompare(right.slug) : left.kind === "provider" ? -1 : 1));
}
