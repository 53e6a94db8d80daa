// Everything the proxy needs about one organization's routes — gateway on/off,
// providers with decrypted credentials and prices, routing groups — loaded in
// one go and cached until configuration changes.
import { db } from "../db";
import { decryptJson } from "../crypto";
import { findBuiltinProvider } from "../providers/builtin";
import type { ProviderCredentials } from "../providers/schemas";
import type { ProviderPricing } from "../pricing";
import { TtlCache } from "./ttl-cache";

export interface ResolvedPrice {
  model: string;
  inputPerMillionMicros: bigint;
  outputPerMillionMicros: bigint;
  cacheReadPerMillionMicros: bigint | null;
  cacheWritePerMillionMicros: bigint | null;
  cacheWrite1hPerMillionMicros: bigint | null;
  reasoningPerMillionMicros: bigint | null;
  perMinuteMicros: bigint | null;
}

export interface ResolvedProvider {
  id: string;
  slug: string;
  name: string;
  type: string;
  builtin: boolean;
  baseUrl?: string;
  credentials: Record<string, string | undefined>;
  requirePricing: boolean;
  reserveOutputTokens: number;
  prices: ResolvedPrice[];
  /** Everything pricing needs about this provider, built once per configuration load. */
  pricing: ProviderPricing;
}

export interface RoutingMember {
  provider: ResolvedProvider;
  priority: number;
  weight: number;
}

export type ResolvedRoute =
  | { kind: "provider"; slug: string; provider: ResolvedProvider }
  | { kind: "group"; slug: string; members: RoutingMember[] };

export interface OrganizationRoutes {
  enabled: boolean;
  providers: Map<string, ResolvedProvider>;
  groups: Map<string, RoutingMember[]>;
}

export const DEFAULT_RESERVE_OUTPUT_TOKENS = 4096;

const cache = new TtlCache<OrganizationRoutes>(60_000, 10_000);

export function organizationRoutes(organizationId: string): Promise<OrganizationRoutes> {
  return cache.get(organizationId, () => loadOrganizationRoutes(organizationId));
}

/** A group slug wins over a provider slug of the same name (SPEC §1). */
export async function resolveRoute(organizationId: string, slug: string): Promise<ResolvedRoute | null> {
  const routes = await organizationRoutes(organizationId);
  const members = routes.groups.get(slug);
  if (members) return { kind: "group", slug, members };
  const provider = routes.providers.get(slug);
  return provider ? { kind: "provider", slug, provider } : null;
}

async function loadOrganizationRoutes(organizationId: string): Promise<OrganizationRoutes> {
  const [settings, providerRows, groupRows] = await Promise.all([
    db.gatewaySettings.findUnique({ where: { organizationId }, select: { enabled: true } }),
    db.provider.findMany({ where: { organizationId, enabled: true }, include: { prices: true } }),
    db.routingGroup.findMany({ where: { organizationId }, include: { members: { orderBy: { position: "asc" } } } }),
  ]);
  const providers = new Map<string, ResolvedProvider>();
  const providersById = new Map<string, ResolvedProvider>();
  for (const row of providerRows) {
    const resolved = resolveProvider(row);
    if (!resolved) continue;
    providers.set(resolved.slug, resolved);
    providersById.set(resolved.id, resolved);
  }
  const groups = new Map<string, RoutingMember[]>();
  for (const group of groupRows) {
    const members = group.members.flatMap((member) => {
      const provider = providersById.get(member.providerId);
      return provider ? [{ provider, priority: member.priority, weight: member.weight }] : [];
    });
    groups.set(group.slug, members);
  }
  return { enabled: settings?.enabled ?? false, providers, groups };
}

type ProviderRow = Awaited<ReturnType<typeof db.provider.findMany<{ include: { prices: true } }>>>[number];

function resolveProvider(row: ProviderRow): ResolvedProvider | null {
  const builtin = row.kind === "built-in";
  let credentials: ProviderCredentials = {};
  let baseUrl = row.baseUrl ?? undefined;
  if (builtin) {
    const definition = findBuiltinProvider(row.slug);
    if (!definition) return null; // the operator removed its key: the route disappears
    credentials = { apiKey: definition.apiKey };
    baseUrl = definition.baseUrl;
  } else if (row.encryptedCredentials) {
    try {
      credentials = decryptJson<ProviderCredentials>(row.encryptedCredentials);
    } catch (error) {
      console.error(`[proxy] credentials of provider '${row.slug}' cannot be decrypted (GATEWAY_SECRET changed?)`, error);
      return null;
    }
  }
  const prices: ResolvedPrice[] = row.prices.map((price) => ({
    model: price.model,
    inputPerMillionMicros: price.inputPerMillionMicros,
    outputPerMillionMicros: price.outputPerMillionMicros,
    cacheReadPerMillionMicros: price.cacheReadPerMillionMicros,
    cacheWritePerMillionMicros: price.cacheWritePerMillionMicros,
    cacheWrite1hPerMillionMicros: price.cacheWrite1hPerMillionMicros,
    reasoningPerMillionMicros: price.reasoningPerMillionMicros,
    perMinuteMicros: price.perMinuteMicros,
  }));
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type,
    builtin,
    baseUrl,
    credentials,
    requirePricing: row.requirePricing,
    reserveOutputTokens: row.reserveOutputTokens ?? DEFAULT_RESERVE_OUTPUT_TOKENS,
    prices,
    pricing: {
      providerType: row.type,
      customPrices: prices,
      providerBaseUrl: baseUrl,
      fallbackPrice:
        row.fallbackInputPerMillionMicros !== null && row.fallbackOutputPerMillionMicros !== null
          ? { model: "*", inputPerMillionMicros: row.fallbackInputPerMillionMicros, outputPerMillionMicros: row.fallbackOutputPerMillionMicros }
          : null,
    },
  };
}
