// GET /proxy/models: for every route the key's organization can use, the
// models it offers — asked of each provider (cached), plus custom-priced ones.
import { organizationRoutes, type ResolvedProvider } from "@/lib/cache/organization-routes";
import { jsonReply, type ProxyReply } from "./exchange";
import { getAdapter } from "./providers/registry";

const MODEL_LIST_TTL_MS = 5 * 60_000;
const modelListCache = new Map<string, { models: Promise<string[]>; expiresAt: number }>();

export function providerModels(provider: ResolvedProvider): Promise<string[]> {
  const cacheKey = `${provider.id}:${provider.baseUrl ?? ""}`;
  const cached = modelListCache.get(cacheKey);
  if (cached && cached.expiresAt > Date.now()) return cached.models;
  const models = loadModels(provider);
  modelListCache.set(cacheKey, { models, expiresAt: Date.now() + MODEL_LIST_TTL_MS });
  return models;
}

async function loadModels(provider: ResolvedProvider): Promise<string[]> {
  const adapter = getAdapter(provider.type);
  const listed = adapter?.listModels
    ? await adapter
        .listModels({ type: provider.type, slug: provider.slug, baseUrl: provider.baseUrl, credentials: provider.credentials })
        .catch(() => null)
    : null;
  return [...new Set([...provider.prices.map((price) => price.model), ...(listed ?? [])])].sort();
}

export async function listModelsReply(organizationId: string): Promise<ProxyReply> {
  const routes = await organizationRoutes(organizationId);
  const data: Array<{ id: string; object: "model"; owned_by: string; route: string; provider: string }> = [];
  const routeSummaries: Array<{ route: string; kind: "provider" | "group"; models: string[] }> = [];
  for (const provider of routes.providers.values()) {
    const models = await providerModels(provider);
    routeSummaries.push({ route: provider.slug, kind: "provider", models });
    for (const model of models) data.push({ id: model, object: "model", owned_by: provider.slug, route: provider.slug, provider: provider.slug });
  }
  for (const [slug, members] of routes.groups) {
    const models = new Set<string>();
    for (const member of members) for (const model of await providerModels(member.provider)) models.add(model);
    const sorted = [...models].sort();
    routeSummaries.push({ route: slug, kind: "group", models: sorted });
    for (const model of sorted) data.push({ id: model, object: "model", owned_by: slug, route: slug, provider: slug });
  }
  return jsonReply(200, { object: "list", data, routes: routeSummaries });
}
