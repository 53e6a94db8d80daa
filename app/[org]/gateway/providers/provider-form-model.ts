// The "Add provider" / "Edit provider" form as plain data: its values, how a
// provider fills it (credentials never: they are write-only), and the request
// body it becomes — with the errors a user should fix before sending.
import type { CreateProviderInput, ProviderResponse, ProviderType, UpdateProviderInput } from "@/lib/providers/schemas";
import { credentialFieldsFor, PROVIDER_TYPE_INFO, type BedrockAuth, type CredentialName } from "./provider-types";

export interface PriceRow {
  model: string;
  inputPerMillion: string;
  outputPerMillion: string;
  /** Optional rates per token class; blank bills the class as its parent (a cache read as input). */
  cacheReadPerMillion?: string;
  cacheWritePerMillion?: string;
  cacheWrite1hPerMillion?: string;
  reasoningPerMillion?: string;
  perMinute?: string;
}

/** The optional rates of a price, in the order the editor shows them. */
export const OPTIONAL_RATES = [
  { field: "cacheReadPerMillion", label: "Cache read $/M" },
  { field: "cacheWritePerMillion", label: "Cache write $/M" },
  { field: "cacheWrite1hPerMillion", label: "1h cache write $/M" },
  { field: "reasoningPerMillion", label: "Reasoning $/M" },
  { field: "perMinute", label: "Audio $/minute" },
] as const;

type OptionalRate = (typeof OPTIONAL_RATES)[number]["field"];

export interface ProviderFormValues {
  type: ProviderType;
  slug: string;
  name: string;
  baseUrl: string;
  credentials: Partial<Record<CredentialName, string>>;
  bedrockAuth: BedrockAuth;
  prices: PriceRow[];
  /** The price of models nothing else prices; both blank means none. */
  fallbackInputPerMillion: string;
  fallbackOutputPerMillion: string;
  requirePricing: boolean;
  reserveOutputTokens: string;
}

export type FormErrors = Partial<Record<string, string>>;

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-_.]*$/;

export function emptyProviderForm(type: ProviderType = "openai-compatible"): ProviderFormValues {
  return {
    type,
    slug: "",
    name: "",
    baseUrl: "",
    credentials: {},
    bedrockAuth: "keys",
    prices: [],
    fallbackInputPerMillion: "",
    fallbackOutputPerMillion: "",
    requirePricing: false,
    reserveOutputTokens: "",
  };
}

/** The edit form of an existing provider: everything but its credentials. */
export function formFromProvider(provider: ProviderResponse): ProviderFormValues {
  return {
    type: provider.type,
    slug: provider.slug,
    name: provider.name,
    baseUrl: provider.baseUrl ?? "",
    credentials: {},
    bedrockAuth: provider.credentialFields.includes("apiKey") && !provider.credentialFields.includes("accessKeyId") ? "api-key" : "keys",
    prices: provider.prices.map((price) => {
      const row: PriceRow = { model: price.model, inputPerMillion: String(price.inputPerMillion), outputPerMillion: String(price.outputPerMillion) };
      for (const { field } of OPTIONAL_RATES) {
        const value = price[field];
        if (value !== null && value !== undefined) row[field] = String(value);
      }
      return row;
    }),
    fallbackInputPerMillion: provider.fallbackPrice ? String(provider.fallbackPrice.inputPerMillion) : "",
    fallbackOutputPerMillion: provider.fallbackPrice ? String(provider.fallbackPrice.outputPerMillion) : "",
    requirePricing: provider.requirePricing,
    reserveOutputTokens: provider.reserveOutputTokens === null ? "" : String(provider.reserveOutputTokens),
  };
}

type Built<Body> = { ok: true; body: Body } | { ok: false; errors: FormErrors };

/** POST /api/v1/providers body, or what to fix. */
export function buildCreateBody(values: ProviderFormValues): Built<CreateProviderInput> {
  const errors: FormErrors = {};
  const slug = values.slug.trim();
  if (!slug) errors.slug = "Enter a slug";
  else if (!SLUG_PATTERN.test(slug)) errors.slug = "Use lowercase letters, digits, '-', '_' and '.', starting with a letter or digit";
  const shared = sharedFields(values, errors, { editing: false, setFields: [], hadFallbackPrice: false });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { credentials, ...rest } = shared;
  const { apiKey, ...otherCredentials } = credentials;
  return {
    ok: true,
    body: {
      slug,
      type: values.type,
      ...rest,
      baseUrl: rest.baseUrl ?? undefined,
      ...(apiKey ? { apiKey } : {}),
      ...(Object.keys(otherCredentials).length ? { credentials: otherCredentials } : {}),
    },
  };
}

/** PATCH /api/v1/providers/{slug} body: credentials only when retyped, the price list replaced as a whole. */
export function buildUpdateBody(values: ProviderFormValues, provider: ProviderResponse): Built<UpdateProviderInput> {
  const errors: FormErrors = {};
  const shared = sharedFields(values, errors, { editing: true, setFields: provider.credentialFields, hadFallbackPrice: provider.fallbackPrice !== null });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { credentials, baseUrl, ...rest } = shared;
  const { apiKey, ...otherCredentials } = credentials;
  return {
    ok: true,
    body: {
      ...rest,
      baseUrl: baseUrl ?? null,
      ...(apiKey ? { apiKey } : {}),
      ...(Object.keys(otherCredentials).length ? { credentials: otherCredentials } : {}),
    },
  };
}

function sharedFields(values: ProviderFormValues, errors: FormErrors, context: { editing: boolean; setFields: string[]; hadFallbackPrice: boolean }) {
  const info = PROVIDER_TYPE_INFO[values.type];
  const baseUrl = values.baseUrl.trim();
  if (baseUrl && !isHttpUrl(baseUrl)) errors.baseUrl = "Enter an http(s) URL";
  else if (!baseUrl && info.baseUrlRequired) errors.baseUrl = "This provider type needs a base URL";

  const credentials: Partial<Record<CredentialName, string>> = {};
  for (const field of credentialFieldsFor(values.type, values.bedrockAuth)) {
    const value = values.credentials[field.name]?.trim() ?? "";
    if (value) credentials[field.name] = value;
    // Editing: an empty field keeps what is stored ("unchanged").
    else if (field.required && !(context.editing && context.setFields.includes(field.name))) errors[`credentials.${field.name}`] = `Enter the ${field.label.toLowerCase()}`;
  }
  if (credentials.serviceAccountJson) {
    try {
      JSON.parse(credentials.serviceAccountJson);
    } catch {
      errors["credentials.serviceAccountJson"] = "This is not valid JSON";
    }
  }

  const prices = buildPrices(values.prices, errors);
  const reserve = values.reserveOutputTokens.trim();
  let reserveOutputTokens: number | undefined;
  if (reserve) {
    reserveOutputTokens = Number(reserve);
    if (!Number.isInteger(reserveOutputTokens) || reserveOutputTokens < 1 || reserveOutputTokens > 1_000_000) {
      errors.reserveOutputTokens = "A whole number of tokens from 1 to 1,000,000";
    }
  }
  return {
    name: values.name.trim() || undefined,
    baseUrl: baseUrl || null,
    credentials,
    prices,
    ...buildFallbackPrice(values, errors, context.hadFallbackPrice),
    requirePricing: values.requirePricing,
    ...(reserveOutputTokens !== undefined ? { reserveOutputTokens } : {}),
  };
}

/** The fallback price: both or neither; neither clears a stored one. */
function buildFallbackPrice(values: ProviderFormValues, errors: FormErrors, hadFallbackPrice: boolean) {
  const inputText = values.fallbackInputPerMillion.trim();
  const outputText = values.fallbackOutputPerMillion.trim();
  if (!inputText && !outputText) return hadFallbackPrice ? { fallbackPrice: null } : {};
  const inputPerMillion = parsePrice(inputText);
  const outputPerMillion = parsePrice(outputText);
  if (inputPerMillion === null) errors.fallbackInputPerMillion = "Enter a price of 0 or more";
  if (outputPerMillion === null) errors.fallbackOutputPerMillion = "Enter a price of 0 or more";
  if (inputPerMillion === null || outputPerMillion === null) return {};
  return { fallbackPrice: { inputPerMillion, outputPerMillion } };
}

type PriceBody = { model: string; inputPerMillion: number; outputPerMillion: number } & Partial<Record<OptionalRate, number>>;

function buildPrices(rows: PriceRow[], errors: FormErrors) {
  const seen = new Set<string>();
  const prices: PriceBody[] = [];
  rows.forEach((row, index) => {
    const model = row.model.trim();
    if (!model && !row.inputPerMillion.trim() && !row.outputPerMillion.trim()) return; // a blank row is ignored
    if (!model) errors[`prices.${index}.model`] = "Enter the model name";
    else if (seen.has(model)) errors[`prices.${index}.model`] = "This model is listed twice";
    seen.add(model);
    const input = parsePrice(row.inputPerMillion);
    const output = parsePrice(row.outputPerMillion);
    if (input === null) errors[`prices.${index}.inputPerMillion`] = "Enter a price of 0 or more";
    if (output === null) errors[`prices.${index}.outputPerMillion`] = "Enter a price of 0 or more";
    const price: PriceBody = { model, inputPerMillion: input ?? 0, outputPerMillion: output ?? 0 };
    for (const { field } of OPTIONAL_RATES) {
      const text = row[field]?.trim() ?? "";
      if (!text) continue;
      const value = parsePrice(text);
      if (value === null) errors[`prices.${index}.${field}`] = "Enter a price of 0 or more";
      else price[field] = value;
    }
    if (model && input !== null && output !== null) prices.push(price);
  });
  return prices;
}

function parsePrice(text: string): number | null {
  if (!text.trim()) return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 1_000_000 ? value : null;
}

function isHttpUrl(text: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
