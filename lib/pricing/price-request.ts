// The cost of one request in integer micro-USD: the provider's custom price
// for the model when it has one, else the bundled genai-prices catalog.
import { catalogRates } from "./catalog";
import { findCustomPrice } from "./custom-prices";
import { decimalFromNumber } from "./decimal-rate";
import { ExactAmount } from "./exact-amount";
import { rateFor, ratesFromCustomPrice, type CustomPrice, type ModelRates } from "./model-rates";
import { leafQuantities, PRICING_UNITS, type PricingUnit, type TokenUsage, type UnitKey } from "./token-units";

export type { CustomPrice } from "./model-rates";
export type { TokenUsage } from "./token-units";

export interface PriceRequestInput extends ProviderPricing {
  model: string | null | undefined;
  usage: TokenUsage;
  /** When the request was made; a few catalog prices depend on the date or time of day. */
  time?: Date;
}

export interface PriceResult {
  costMicros: bigint;
  /** False when neither a custom price nor the catalog knows the model (cost is then 0). */
  priced: boolean;
}

/** How one provider prices models: its type, its own prices, its base URL and its price for unknown models. */
export interface ProviderPricing {
  providerType: string;
  customPrices?: readonly CustomPrice[];
  /** The provider's base URL: genai-prices tells hosts of open models (OVHcloud, Together, …) apart by it. */
  providerBaseUrl?: string;
  /** The provider's price for models neither its custom prices nor the catalog know. */
  fallbackPrice?: CustomPrice | null;
}

/** The rates that apply to a model on a provider, or null when it is unpriced. */
export function findModelRates(pricing: ProviderPricing, model: string | null | undefined, time: Date = new Date()): ModelRates | null {
  if (!model) return null;
  const custom = findCustomPrice(pricing.customPrices, model);
  if (custom) return customRates(custom);
  const catalog = catalogRates(pricing.providerType, model, time, pricing.providerBaseUrl);
  if (catalog) return catalog;
  return pricing.fallbackPrice ? customRates(pricing.fallbackPrice) : null;
}

// Custom prices live in the route cache, so their converted rates are kept beside them.
const convertedCustomPrices = new WeakMap<CustomPrice, ModelRates>();

function customRates(price: CustomPrice): ModelRates {
  let rates = convertedCustomPrices.get(price);
  if (!rates) {
    rates = ratesFromCustomPrice(price);
    convertedCustomPrices.set(price, rates);
  }
  return rates;
}

// Rates objects are cached (per custom price, per catalog price), so their unit lists are too.
const unitsOfRates = new WeakMap<ModelRates, PricingUnit[]>();

function pricingUnitsOf(rates: ModelRates): PricingUnit[] {
  let units = unitsOfRates.get(rates);
  if (!units) {
    units = rates.units.map((priced) => priced.unit);
    unitsOfRates.set(rates, units);
  }
  return units;
}

/** Cost of a finished request, rounded half up to the micro-USD once for the whole request. */
export function priceRequest(input: PriceRequestInput): PriceResult {
  const rates = findModelRates(input, input.model, input.time);
  if (!rates) return { costMicros: 0n, priced: false };
  return { costMicros: exactCost(rates, input.usage).roundHalfUp(), priced: true };
}

/** The cost of `usage` at rates found once with findModelRates (the proxy prices a request more than once). */
export function costOfUsage(rates: ModelRates, usage: TokenUsage): bigint {
  return exactCost(rates, usage).roundHalfUp();
}

/** Whether the model has a price on the provider (custom, catalog or fallback). A provider type alone is a provider without prices. */
export function isModelPriced(pricing: ProviderPricing | string, model: string | null | undefined, customPrices?: readonly CustomPrice[]): boolean {
  const resolved = typeof pricing === "string" ? { providerType: pricing, customPrices } : pricing;
  return findModelRates(resolved, model) !== null;
}

export interface WorstCaseInput extends ProviderPricing {
  model: string | null | undefined;
  inputTokensEstimate: number;
  maxOutputTokens: number;
  time?: Date;
}

/**
 * The most a request can cost, for reserving against limits before forwarding:
 * the whole input at the uncached input price plus the full output cap, rounded
 * up so a reservation never falls short of the recorded cost of the same usage.
 */
export function estimateWorstCaseMicros(input: WorstCaseInput): PriceResult {
  const rates = findModelRates(input, input.model, input.time);
  if (!rates) return { costMicros: 0n, priced: false };
  const usage = { inputTokens: input.inputTokensEstimate, outputTokens: input.maxOutputTokens };
  return { costMicros: exactCost(rates, usage).roundUp(), priced: true };
}

/**
 * The exact cost in micro-USD: each priced unit's own share of the usage at its
 * rate (tiers step on the request's total input, as the providers and
 * genai-prices define them), summed as an exact fraction.
 */
function exactCost(rates: ModelRates, usage: TokenUsage): ExactAmount {
  const totalInput = nonNegative(usage.inputTokens);
  const leaves = leafQuantities(pricingUnitsOf(rates), usage);
  const amount = new ExactAmount();
  for (const { unit, rate } of rates.units) {
    const quantity = leaves.get(unit.key) ?? 0;
    if (quantity <= 0) continue;
    // USD per `per` units × 10^6 = micro-USD per `per` units.
    amount.add(decimalFromNumber(quantity), rateFor(rate, totalInput), 1_000_000n, unit.per);
  }
  if (rates.perRequest) amount.add({ units: 1n, scale: 0 }, rates.perRequest, 1n, 1n);
  return amount;
}

/** One priced unit's share of a request's cost, for the request log's breakdown. */
export interface UnitCost {
  unit: UnitKey;
  /** Its own share of the usage (a cache read is not also counted as input). */
  quantity: number;
  costMicros: bigint;
}

/** The cost of a request per priced unit, and the total as priceRequest rounds it. */
export function costByUnit(rates: ModelRates, usage: TokenUsage): { lines: UnitCost[]; perRequestMicros: bigint; totalMicros: bigint } {
  const totalInput = nonNegative(usage.inputTokens);
  const leaves = leafQuantities(pricingUnitsOf(rates), usage);
  const lines: UnitCost[] = [];
  for (const { unit, rate } of rates.units) {
    const quantity = leaves.get(unit.key) ?? 0;
    if (quantity <= 0) continue;
    const amount = new ExactAmount();
    amount.add(decimalFromNumber(quantity), rateFor(rate, totalInput), 1_000_000n, unit.per);
    lines.push({ unit: unit.key, quantity, costMicros: amount.roundHalfUp() });
  }
  let perRequestMicros = 0n;
  if (rates.perRequest) {
    const amount = new ExactAmount();
    amount.add({ units: 1n, scale: 0 }, rates.perRequest, 1n, 1n);
    perRequestMicros = amount.roundHalfUp();
  }
  const order = (key: UnitKey) => PRICING_UNITS.findIndex((unit) => unit.key === key);
  lines.sort((left, right) => order(left.unit) - order(right.unit));
  return { lines, perRequestMicros, totalMicros: exactCost(rates, usage).roundHalfUp() };
}

function nonNegative(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) || value < 0 ? 0 : Math.round(value);
}
