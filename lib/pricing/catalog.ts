// Model prices from the catalog bundled in @pydantic/genai-prices. Only the
// synchronous, bundled-data API is used: `updatePrices`/`waitForUpdate` (the
// package's only paths that fetch remote data) are never called, so pricing
// works offline and never touches the network at run time.
import { calcPrice, type ModelInfo, type ModelPrice } from "@pydantic/genai-prices";
import { descriptorOf } from "../providers/descriptors";
import { ratesFromCatalogPrice, type ModelRates } from "./model-rates";

/** genai-prices provider ids to try, in order, for a provider type (its descriptor's); null lets genai-prices pick from the model name. */
function catalogProvidersOf(providerType: string): ReadonlyArray<string | null> {
  return descriptorOf(providerType)?.catalogProviders ?? [null];
}

interface CatalogEntry {
  model: ModelInfo;
}

// The hot path prices every request, and a catalog search scans hundreds of
// match rules, so each (type, model) is looked up once. Model names come from
// clients, so the cache is bounded.
const cache = new Map<string, CatalogEntry | null>();
const MAX_CACHED_MODELS = 10_000;

function findInCatalog(providerType: string, model: string, providerBaseUrl?: string): CatalogEntry | null {
  const key = `${providerType}\u0000${model}\u0000${providerBaseUrl ?? ""}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const entry = searchCatalog(providerType, model, providerBaseUrl);
  if (cache.size >= MAX_CACHED_MODELS) cache.clear();
  cache.set(key, entry);
  return entry;
}

function searchCatalog(providerType: string, model: string, providerBaseUrl?: string): CatalogEntry | null {
  const generic = catalogProvidersOf(providerType).includes(null);
  if (generic && providerBaseUrl) {
    // A generic server's host says whose price applies (an OVHcloud-hosted gpt-oss is not OpenAI's).
    const entry = lookupByApiUrl(model, providerBaseUrl);
    if (entry) return entry;
  }
  for (const candidate of candidateLookups(providerType, model)) {
    const entry = lookup(candidate.model, candidate.providerId);
    if (entry) return entry;
  }
  return null;
}

function lookupByApiUrl(model: string, providerApiUrl: string): CatalogEntry | null {
  try {
    const result = calcPrice({}, model, { providerApiUrl });
    return result ? { model: result.model } : null;
  } catch {
    return null;
  }
}

function candidateLookups(providerType: string, model: string): Array<{ model: string; providerId: string | null }> {
  const providers = catalogProvidersOf(providerType);
  const candidates = providers.map((providerId) => ({ model, providerId }));
  if (providerType === "huggingface") {
    // The Hugging Face router names its backend as a suffix: "meta-llama/Llama-3.3-70B-Instruct:groq".
    const separator = model.lastIndexOf(":");
    if (separator > 0) {
      const backend = model.slice(separator + 1).toLowerCase();
      candidates.unshift({ model: model.slice(0, separator), providerId: `huggingface_${backend}` });
    }
  }
  if (providers.includes(null) && model.includes("/")) {
    // Generic servers often prefix the vendor ("openai/gpt-4o"); the catalog knows the bare name.
    candidates.push({ model: model.slice(model.lastIndexOf("/") + 1), providerId: null });
  }
  return candidates;
}

function lookup(model: string, providerId: string | null): CatalogEntry | null {
  try {
    // Empty usage: we only want the matched model; costs are computed exactly elsewhere.
    const result = calcPrice({}, model, providerId ? { providerId } : undefined);
    if (!result || (providerId && result.provider.id !== providerId)) return null;
    return { model: result.model };
  } catch {
    return null;
  }
}

/** The rates genai-prices knows for this model on this provider type at `time`, or null. */
export function catalogRates(providerType: string, model: string, time: Date = new Date(), providerBaseUrl?: string): ModelRates | null {
  const entry = findInCatalog(providerType, model, providerBaseUrl);
  if (!entry) return null;
  return ratesAt(entry.model, time);
}

// Converted rates are cached per price object (the catalog's objects are stable).
const convertedRates = new WeakMap<ModelPrice, ModelRates | null>();

function ratesAt(model: ModelInfo, time: Date): ModelRates | null {
  const price = priceAt(model, time);
  let rates = convertedRates.get(price);
  if (rates === undefined) {
    rates = ratesFromCatalogPrice(price);
    convertedRates.set(price, rates);
  }
  return rates;
}

/**
 * The price in force at `time` for a model whose price changed over time or
 * depends on the time of day. Mirrors genai-prices' own selection (which it
 * does not export): the last matching constraint wins, else the first entry.
 */
export function priceAt(model: ModelInfo, time: Date): ModelPrice {
  if (!Array.isArray(model.prices)) return model.prices;
  for (let position = model.prices.length - 1; position >= 0; position--) {
    const { constraint, prices } = model.prices[position];
    if (!constraint) return prices;
    if (constraint.type === "start_date" && time >= new Date(constraint.start_date)) return prices;
    if (constraint.type === "time_of_date" && withinTimeOfDay(time, constraint.start_time, constraint.end_time)) return prices;
  }
  return model.prices[0].prices;
}

function withinTimeOfDay(time: Date, start: string, end: string): boolean {
  const seconds = time.getUTCHours() * 3600 + time.getUTCMinutes() * 60 + time.getUTCSeconds();
  const from = secondsOfDay(start);
  const until = secondsOfDay(end);
  if (from === null || until === null) return false;
  return until < from ? seconds >= from || seconds < until : seconds >= from && seconds < until;
}

/** "00:30:00Z" or "16:30:00+08:00" → seconds after UTC midnight. */
function secondsOfDay(text: string): number | null {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (!match) return null;
  const [, hours, minutes, seconds, zone, sign, offsetHours = "0", offsetMinutes = "0"] = match;
  const local = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  const offset = zone === "Z" ? 0 : (sign === "+" ? 1 : -1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60);
  return (((local - offset) % 86_400) + 86_400) % 86_400;
}

/** For tests: forget cached lookups. */
export function clearCatalogCacheForTests(): void {
  cache.clear();
}
