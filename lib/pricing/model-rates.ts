// One model's prices in the exact form the calculator uses, built either from a
// provider's custom price or from a genai-prices entry: a rate table per
// pricing unit (see token-units.ts) the model has a price for.
import type { ModelPrice, TieredPrices } from "@pydantic/genai-prices";
import { decimalFromNumber, decimalFromPerMillionMicros, multiplyRate, type DecimalRate } from "./decimal-rate";
import { PRICING_UNITS, UNIT_BY_PRICE_KEY, type PricingUnit, type UnitKey } from "./token-units";

/** A rate that may step up once the request's total input passes a threshold (e.g. >200k tokens). */
export interface RateTable {
  base: DecimalRate;
  /** Sorted by start; a tier applies when total input tokens > start (genai-prices' rule). */
  tiers: Array<{ start: number; rate: DecimalRate }>;
}

export interface PricedUnit {
  unit: PricingUnit;
  /** USD per `unit.per` units (per million tokens, per hour of audio). */
  rate: RateTable;
}

export interface ModelRates {
  /** Every unit the model has a price for; a token class without one is billed as its parent (a cache read as input). */
  units: PricedUnit[];
  /** A flat fee per request (micro-USD), for the few models priced per request. */
  perRequest: DecimalRate | null;
}

/** A provider's own price for a model, in integer micro-USD per million tokens (per minute for audio). */
export interface CustomPrice {
  model: string;
  inputPerMillionMicros: bigint;
  outputPerMillionMicros: bigint;
  cacheReadPerMillionMicros?: bigint | null;
  /** Cache writes (the 5-minute rate when a 1-hour rate is set too). */
  cacheWritePerMillionMicros?: bigint | null;
  cacheWrite1hPerMillionMicros?: bigint | null;
  reasoningPerMillionMicros?: bigint | null;
  /** Audio priced by duration (transcription), micro-USD per minute. */
  perMinuteMicros?: bigint | null;
}

export function flatTable(rate: DecimalRate): RateTable {
  return { base: rate, tiers: [] };
}

export function rateFor(table: RateTable, totalInputTokens: number): DecimalRate {
  let rate = table.base;
  for (const tier of table.tiers) if (totalInputTokens > tier.start) rate = tier.rate;
  return rate;
}

const unit = (key: UnitKey) => PRICING_UNITS.find((candidate) => candidate.key === key)!;

export function ratesFromCustomPrice(price: CustomPrice): ModelRates {
  const units: PricedUnit[] = [
    { unit: unit("input_tokens"), rate: flatTable(decimalFromPerMillionMicros(price.inputPerMillionMicros)) },
    { unit: unit("output_tokens"), rate: flatTable(decimalFromPerMillionMicros(price.outputPerMillionMicros)) },
  ];
  const optional: Array<[UnitKey, bigint | null | undefined]> = [
    ["cache_read_tokens", price.cacheReadPerMillionMicros],
    ["cache_write_tokens", price.cacheWritePerMillionMicros],
    ["cache_write_1h_tokens", price.cacheWrite1hPerMillionMicros],
    ["output_reasoning_tokens", price.reasoningPerMillionMicros],
  ];
  for (const [key, micros] of optional) {
    if (micros !== null && micros !== undefined) units.push({ unit: unit(key), rate: flatTable(decimalFromPerMillionMicros(micros)) });
  }
  if (price.perMinuteMicros !== null && price.perMinuteMicros !== undefined) {
    // micro-USD per minute → USD per hour (the unit's `per` is 3,600 seconds).
    units.push({ unit: unit("audio_seconds"), rate: flatTable(multiplyRate(decimalFromPerMillionMicros(price.perMinuteMicros), 60n)) });
  }
  return { units, perRequest: null };
}

/**
 * genai-prices quotes `*_mtok` in USD per million tokens and `*_hours` in USD
 * per hour; `requests_kcount` is USD per 1,000 requests, i.e. 1,000× that
 * number in micro-USD per request. Returns null when the entry prices nothing
 * the gateway can meter (image-only models, say).
 */
export function ratesFromCatalogPrice(price: ModelPrice): ModelRates | null {
  const units: PricedUnit[] = [];
  for (const [priceKey, value] of Object.entries(price)) {
    const pricingUnit = UNIT_BY_PRICE_KEY.get(priceKey);
    if (!pricingUnit || value === undefined) continue;
    units.push({ unit: pricingUnit, rate: typeof value === "number" ? flatTable(decimalFromNumber(value)) : tieredTable(value) });
  }
  if (units.length === 0) return null;
  const requestsPerThousand = price.requests_kcount;
  return {
    units,
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
