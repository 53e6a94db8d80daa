// Providers of an organization: BYOK rows plus the server's built-in providers
// (listed even before activation). Answers never contain credentials.
import { db } from "../db";
import { decryptJson, encryptJson } from "../crypto";
import { microsToUsd, microsToUsdOrNull, usdToMicros } from "../money";
import { ApiError, conflict, notFound } from "../api/errors";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { bumpConfigEpoch } from "../cache/config-epoch";
import { builtinProviders, findBuiltinProvider } from "./builtin";
import { credentialFieldNames, validateProviderConfig } from "./credentials";
import type { CreateProviderInput, ProviderCredentials, ProviderResponse, ProviderType, UpdateProviderInput } from "./schemas";

const providerSelect = {
  id: true,
  slug: true,
  name: true,
  type: true,
  kind: true,
  baseUrl: true,
  encryptedCredentials: true,
  requirePricing: true,
  fallbackInputPerMillionMicros: true,
  fallbackOutputPerMillionMicros: true,
  reserveOutputTokens: true,
  enabled: true,
  createdAt: true,
  prices: { orderBy: { model: "asc" as const } },
} as const;

type ProviderRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(organizationId: string, slug: string) {
  return db.provider.findUnique({ where: { organizationId_slug: { organizationId, slug } }, select: providerSelect });
}

function readCredentials(row: { encryptedCredentials: string | null }): ProviderCredentials {
  return row.encryptedCredentials ? decryptJson<ProviderCredentials>(row.encryptedCredentials) : {};
}

function toResponse(row: ProviderRow): ProviderResponse {
  const isBuiltin = row.kind === "built-in";
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type as ProviderType,
    kind: isBuiltin ? "built-in" : "byok",
    baseUrl: isBuiltin ? null : row.baseUrl,
    requirePricing: row.requirePricing,
    reserveOutputTokens: row.reserveOutputTokens,
    enabled: row.enabled,
    hasCredentials: isBuiltin || row.encryptedCredentials !== null,
    credentialFields: isBuiltin ? [] : credentialFieldNames(readCredentials(row)),
    prices: row.prices.map((price) => ({
      model: price.model,
      inputPerMillion: microsToUsd(price.inputPerMillionMicros),
      outputPerMillion: microsToUsd(price.outputPerMillionMicros),
      cacheReadPerMillion: microsToUsdOrNull(price.cacheReadPerMillionMicros),
      cacheWritePerMillion: microsToUsdOrNull(price.cacheWritePerMillionMicros),
      cacheWrite1hPerMillion: microsToUsdOrNull(price.cacheWrite1hPerMillionMicros),
      reasoningPerMillion: microsToUsdOrNull(price.reasoningPerMillionMicros),
      perMinute: microsToUsdOrNull(price.perMinuteMicros),
    })),
    fallbackPrice:
      row.fallbackInputPerMillionMicros === null || row.fallbackOutputPerMillionMicros === null
        ? null
        : { inputPerMillion: microsToUsd(row.fallbackInputPerMillionMicros), outputPerMillion: microsToUsd(row.fallbackOutputPerMillionMicros) },
    createdAt: row.createdAt.toISOString(),
  };
}

/** A built-in provider that this organization has not activated yet. */
function inactiveBuiltin(slug: string): ProviderResponse | null {
  const definition = findBuiltinProvider(slug);
  if (!definition) return null;
  return {
    id: `built-in:${definition.slug}`,
    slug: definition.slug,
    name: definition.name,
    type: definition.type,
    kind: "built-in",
    baseUrl: null,
    requirePricing: true,
    reserveOutputTokens: null,
    enabled: false,
    hasCredentials: true,
    credentialFields: [],
    prices: [],
    fallbackPrice: null,
    createdAt: null,
  };
}

export async function listProviders(organizationId: string): Promise<ProviderResponse[]> {
  const rows = await db.provider.findMany({ where: { organizationId }, select: providerSelect, orderBy: { createdAt: "asc" } });
  const activatedSlugs = new Set(rows.filter((row) => row.kind === "built-in").map((row) => row.slug));
  const builtins = builtinProviders()
    .filter((definition) => !activatedSlugs.has(definition.slug))
    .map((definition) => inactiveBuiltin(definition.slug)!);
  return [...rows.map(toResponse), ...builtins];
}

export async function getProvider(organizationId: string, slug: string): Promise<ProviderResponse> {
  const row = await findRow(organizationId, slug);
  if (row) return toResponse(row);
  const builtin = inactiveBuiltin(slug);
  if (builtin) return builtin;
  throw notFound(`Provider '${slug}'`);
}

function mergeCredentials(input: { apiKey?: string; credentials?: ProviderCredentials }, existing: ProviderCredentials = {}): ProviderCredentials {
  const merged = { ...existing, ...(input.credentials ?? {}) };
  if (input.apiKey) merged.apiKey = input.apiKey;
  return merged;
}

function priceRows(prices: NonNullable<CreateProviderInput["prices"]>) {
  const seen = new Set<string>();
  for (const price of prices) {
    if (seen.has(price.model)) throw new ApiError("invalid_body", `prices lists model '${price.model}' twice`);
    seen.add(price.model);
  }
  return prices.map((price) => ({
    model: price.model,
    inputPerMillionMicros: usdToMicros(price.inputPerMillion),
    outputPerMillionMicros: usdToMicros(price.outputPerMillion),
    cacheReadPerMillionMicros: optionalMicros(price.cacheReadPerMillion),
    cacheWritePerMillionMicros: optionalMicros(price.cacheWritePerMillion),
    cacheWrite1hPerMillionMicros: optionalMicros(price.cacheWrite1hPerMillion),
    reasoningPerMillionMicros: optionalMicros(price.reasoningPerMillion),
    perMinuteMicros: optionalMicros(price.perMinute),
  }));
}

function optionalMicros(usd: number | null | undefined): bigint | null {
  return usd == null ? null : usdToMicros(usd);
}

/** The fallback price columns: undefined leaves them, null clears them. */
function fallbackColumns(fallbackPrice: CreateProviderInput["fallbackPrice"]) {
  if (fallbackPrice === undefined) return {};
  return {
    fallbackInputPerMillionMicros: fallbackPrice === null ? null : usdToMicros(fallbackPrice.inputPerMillion),
    fallbackOutputPerMillionMicros: fallbackPrice === null ? null : usdToMicros(fallbackPrice.outputPerMillion),
  };
}

export async function createProvider(caller: Caller, input: CreateProviderInput): Promise<ProviderResponse> {
  if (findBuiltinProvider(input.slug)) throw conflict(`'${input.slug}' is the slug of a built-in provider; choose another`);
  if (await findRow(caller.organizationId, input.slug)) throw conflict(`A provider with slug '${input.slug}' already exists`);
  const credentials = mergeCredentials(input);
  validateProviderConfig(input.type, input.baseUrl, credentials);
  const row = await db.provider.create({
    data: {
      organizationId: caller.organizationId,
      slug: input.slug,
      name: input.name ?? input.slug,
      type: input.type,
      kind: "byok",
      baseUrl: input.baseUrl ?? null,
      encryptedCredentials: Object.keys(credentials).length ? encryptJson(credentials) : null,
      requirePricing: input.requirePricing ?? false,
      ...fallbackColumns(input.fallbackPrice),
      reserveOutputTokens: input.reserveOutputTokens ?? null,
      enabled: input.enabled ?? true,
      prices: input.prices ? { create: priceRows(input.prices) } : undefined,
    },
    select: providerSelect,
  });
  await bumpConfigEpoch();
  await recordAudit(caller, "provider.create", { type: "provider", id: row.id }, { slug: row.slug, type: row.type });
  return toResponse(row);
}

export async function updateProvider(caller: Caller, slug: string, input: UpdateProviderInput): Promise<ProviderResponse> {
  let row = await findRow(caller.organizationId, slug);
  if (!row) row = await activateBuiltinRow(caller.organizationId, slug);
  const isBuiltin = row.kind === "built-in";
  if (isBuiltin && (input.apiKey || input.credentials || input.baseUrl !== undefined)) {
    throw new ApiError("invalid_body", "Built-in providers use the server's credentials and base URL; they cannot be changed");
  }
  const credentials = isBuiltin ? {} : mergeCredentials(input, readCredentials(row));
  if (!isBuiltin) validateProviderConfig(row.type as ProviderType, input.baseUrl === undefined ? row.baseUrl : input.baseUrl, credentials);
  const updated = await db.$transaction(async (transaction) => {
    if (input.prices) {
      await transaction.providerPrice.deleteMany({ where: { providerId: row.id } });
    }
    return transaction.provider.update({
      where: { id: row.id },
      data: {
        name: input.name,
        baseUrl: input.baseUrl,
        encryptedCredentials: isBuiltin || (!input.apiKey && !input.credentials) ? undefined : encryptJson(credentials),
        requirePricing: input.requirePricing,
        ...fallbackColumns(input.fallbackPrice),
        reserveOutputTokens: input.reserveOutputTokens,
        enabled: input.enabled,
        prices: input.prices ? { create: priceRows(input.prices) } : undefined,
      },
      select: providerSelect,
    });
  });
  await bumpConfigEpoch();
  await recordAudit(caller, "provider.update", { type: "provider", id: row.id }, { slug, fields: Object.keys(input) });
  return toResponse(updated);
}

/** First PATCH of a built-in provider creates its row for the organization (disabled until enabled:true). */
async function activateBuiltinRow(organizationId: string, slug: string): Promise<ProviderRow> {
  const definition = findBuiltinProvider(slug);
  if (!definition) throw notFound(`Provider '${slug}'`);
  return db.provider.create({
    data: { organizationId, slug, name: definition.name, type: definition.type, kind: "built-in", requirePricing: true, enabled: false },
    select: providerSelect,
  });
}

export async function activateBuiltinProviders(caller: Caller): Promise<ProviderResponse[]> {
  const activated: ProviderResponse[] = [];
  for (const definition of builtinProviders()) {
    activated.push(await updateProvider(caller, definition.slug, { enabled: true }));
  }
  return activated;
}

export async function deleteProvider(caller: Caller, slug: string): Promise<void> {
  const row = await findRow(caller.organizationId, slug);
  if (!row) throw notFound(`Provider '${slug}'`);
  await db.provider.delete({ where: { id: row.id } });
  await bumpConfigEpoch();
  await recordAudit(caller, "provider.delete", { type: "provider", id: row.id }, { slug });
}
