export {
  costByUnit,
  costOfUsage,
  estimateWorstCaseMicros,
  findModelRates,
  isModelPriced,
  priceRequest,
  type CustomPrice,
  type PriceRequestInput,
  type PriceResult,
  type ProviderPricing,
  type TokenUsage,
  type UnitCost,
  type WorstCaseInput,
} from "./price-request";
export { modelBaseName } from "./custom-prices";
export type { ModelRates } from "./model-rates";
