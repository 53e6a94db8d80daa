// The cost of one request in integer micro-USD: the provider's custom price
// for the model when it has one, else the bundled genai-prices catalog.
import { catalogRates } from "./catalog";
import { findCustomPrice } from "./custom-prices";
import { roundHalfUp, roundUp, sumProducts, type DecimalRate } from "./decimal-rate";
import { rateFor, ratesFromCustomPrice, type CustomPrice, type ModelRates } from "./model-rates";

export type { CustomPrice } from "./model-rates";

/**
 * Token counts of one request. `inputTokens` is ALL input tokens, cached ones
 * included (OpenAI's and Gemini's convention, and genai-prices'); the cache
 * counts say how many of them were read from / written to the prompt cache.
 * Adapters whose upstream reports uncached input only (Anthropic) add the cache
 * counts in. Should the cache counts exceed the total anyway, the uncached
 * part is taken as zero rather than negative.
 */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

export interface PriceRequestInput {
  providerType: string;
  model: string | null | undefined;
  usage: TokenUsage;
  customPrices?: readonly CustomPrice[];
  /** When the request was made; a few catalog prices depend on the date or time of day. */
  time?: Date;
}

export interface PriceResult {
  costMicros: bigint;
  /** False when neither a custom price nor the catalog knows the model (cost is then 0). */
  priced: boolean;
}

/** The rates that apply to a model on a provider, or null when it is unpriced. */
export function findModelRates(
  providerType: string,
  model: string | null | undefined,
  customPrices?: readonly CustomPrice[],
  time: Date = new Date(),
): ModelRates | null {
  if (!model) return null;
  const custom = findCustomPrice(customPrices, model);
  if (custom) return ratesFromCustomPrice(custom);
  return catalogRates(providerType, model, time);
}

/** Cost of a finished request, rounded half up to the micro-USD once for the whole request. */
export function priceRequest(input: PriceRequestInput): PriceResult {
  const rates = findModelRates(input.providerType, input.model, input.customPrices, input.time);
  if (!rates) return { costMicros: 0n, priced: false };
  return { costMicros: roundHalfUp(exactCost(rates, input.usage)), priced: true };
}

export function isModelPriced(providerType: string, model: string | null | undefined, customPrices?: readonly CustomPrice[]): boolean {
  return findModelRates(providerType, model, customPrices) !== null;
}

export interface WorstCaseInput {
  providerType: string;
  model: string | null | undefined;
  inputTokensEstimate: number;
  maxOutputTokens: number;
  customPrices?: readonly CustomPrice[];
  time?: Date;
}

/**
 * The most a request can cost, for reserving against limits before forwarding:
 * the whole input at the uncached input price plus the full output cap, rounded
 * up so a reservation never falls short of the recorded cost of the same usage.
 */
export function estimateWorstCaseMicros(input: WorstCaseInput): PriceResult {
  const rates = findModelRates(input.providerType, input.model, input.customPrices, input.time);
  if (!rates) return { costMicros: 0n, priced: false };
  const usage = { inputTokens: input.inputTokensEstimate, outputTokens: input.maxOutputTokens };
  return { costMicros: roundUp(exactCost(rates, usage)), priced: true };
}

function exactCost(rates: ModelRates, usage: TokenUsage): DecimalRate {
  const inputTokens = nonNegative(usage.inputTokens);
  const cacheReadTokens = nonNegative(usage.cacheReadTokens);
  const cacheWriteTokens = nonNegative(usage.cacheWriteTokens);
  // Tiers step on the request's total input, as the providers (and genai-prices) define them.
  const input = rateFor(rates.input, inputTokens);
  const cacheRead = rates.cacheRead ? rateFor(rates.cacheRead, inputTokens) : input;
  const cacheWrite = rates.cacheWrite ? rateFor(rates.cacheWrite, inputTokens) : input;
  const uncachedTokens = Math.max(0, inputTokens - cacheReadTokens - cacheWriteTokens);
  const terms = [
    { quantity: uncachedTokens, rate: input },
    { quantity: cacheReadTokens, rate: cacheRead },
    { quantity: cacheWriteTokens, rate: cacheWrite },
    { quantity: nonNegative(usage.outputTokens), rate: rateFor(rates.output, inputTokens) },
  ];
  if (rates.perRequest) terms.push({ quantity: 1, rate: rates.perRequest });
  return sumProducts(terms);
}

function nonNegative(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) || value < 0 ? 0 : Math.round(value);
}
