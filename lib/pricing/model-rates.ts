// One model's prices in the exact form the calculator uses, built either from a
// provider's custom price or from a genai-prices entry.
import type { ModelPrice, TieredPrices } from "@pydantic/genai-prices";
import { decimalFromNumber, decimalFromPerMillionMicros, multiplyRate, type DecimalRate } from "./decimal-rate";

/** A rate that may step up once the request's total input passes a threshold (e.g. >200k tokens). */
export interface RateTable {
  base: DecimalRate;
  /** Sorted by start; a tier applies when total input tokens > start (genai-prices' rule). */
  tiers: Array<{ start: number; rate: DecimalRate }>;
}

export interface ModelRates {
  input: RateTable;
  output: RateTable;
  /** null: cache reads are billed as ordinary input. */
  cacheRead: RateTable | null;
  /** null: cache writes are billed as ordinary input. */
  cacheWrite: RateTable | null;
  /** A flat fee per request (micro-USD), for the few models priced per request. */
  perRequest: DecimalRate | null;
}

export interface CustomPrice {
  model: string;
  inputPerMillionMicros: bigint;
  outputPerMillionMicros: bigint;
  cacheReadPerMillionMicros?: bigint | null;
  cacheWritePerMillionMicros?: bigint | null;
}

export function flatTable(rate: DecimalRate): RateTable {
  return { base: rate, tiers: [] };
}

export function rateFor(table: RateTable, totalInputTokens: number): DecimalRate {
  let rate = table.base;
  for (const tier of table.tiers) if (totalInputTokens > tier.start) rate = tier.rate;
  return rate;
}

export function ratesFromCustomPrice(price: CustomPrice): ModelRates {
  const optional = (value: bigint | null | undefined) =>
    value === null || value === undefined ? null : flatTable(decimalFromPerMillionMicros(value));
  return {
    input: flatTable(decimalFromPerMillionMicros(price.inputPerMillionMicros)),
    output: flatTable(decimalFromPerMillionMicros(price.outputPerMillionMicros)),
    cacheRead: optional(price.cacheReadPerMillionMicros),
    cacheWrite: optional(price.cacheWritePerMillionMicros),
    perRequest: null,
  };
}

/**
 * genai-prices quotes `*_mtok` in USD per million tokens, which is numerically
 * micro-USD per token; `requests_kcount` is USD per 1,000 requests, i.e. 1,000×
 * that number in micro-USD per request. Returns null when the entry has no token
 * price at all (audio-seconds or image-only models), which we cannot meter.
 */
export function ratesFromCatalogPrice(price: ModelPrice): ModelRates | null {
  if (price.input_mtok === undefined && price.output_mtok === undefined) return null;
  const table = (value: ModelPrice[string]): RateTable | null => {
    if (value === undefined) return null;
    if (typeof value === "number") return flatTable(decimalFromNumber(value));
    return tieredTable(value);
  };
  const requestsPerThousand = price.requests_kcount;
  return {
    input: table(price.input_mtok) ?? flatTable({ units: 0n, scale: 0 }),
    output: table(price.output_mtok) ?? flatTable({ units: 0n, scale: 0 }),
    cacheRead: table(price.cache_read_mtok),
    cacheWrite: table(price.cache_write_mtok),
    perRequest: typeof requestsPerThousand === "number" ? multiplyRate(decimalFromNumber(requestsPerThousand), 1000n) : null,
  };
}

function tieredTable(value: TieredPrices): RateTable {
  return {
    base: decimalFromNumber(value.base),
    tiers: [...value.tiers]
      .sort((left, right) => left.start - right.start)
      .map((tier) => ({ start: tier.start, rate: decimalFromNumber(tier.price) })),
  };
}
