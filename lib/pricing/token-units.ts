// The token classes (and the audio duration) the gateway meters, as units of
// @pydantic/genai-prices' pricing lattice: each unit has dimensions, and a unit
// whose dimensions include another's is a part of it (a cache read is a part
// of the input, a 1-hour cache write a part of the cache writes). A request is
// priced by giving every priced unit the tokens of its own that no more
// specific priced unit claims — exactly genai-prices' decomposition, in
// integers. Units genai-prices knows but the gateway never reports (image,
// video, citation tokens…) are left out: their usage is 0, so they change nothing.

/** Token counts of one request, in genai-prices' convention. */
export interface TokenUsage {
  /** ALL input tokens: uncached, cache reads and cache writes included. */
  inputTokens: number;
  /** ALL output tokens: reasoning and audio output included. */
  outputTokens: number;
  cacheReadTokens?: number;
  /** All cache writes, whatever their lifetime. */
  cacheWriteTokens?: number;
  /** The part of cacheWriteTokens written for one hour (Anthropic's 1h TTL); the rest is 5 minutes. */
  cacheWrite1hTokens?: number;
  /** The part of outputTokens spent reasoning ("thinking"). */
  reasoningTokens?: number;
  /** The part of inputTokens that is audio. */
  inputAudioTokens?: number;
  /** The part of cacheReadTokens that is audio. */
  cacheAudioReadTokens?: number;
  /** The part of outputTokens that is audio. */
  outputAudioTokens?: number;
  /** Seconds of audio processed, for models priced by duration (transcription). */
  audioSeconds?: number;
}

export type UnitKey =
  | "input_tokens"
  | "cache_read_tokens"
  | "cache_write_tokens"
  | "cache_write_5m_tokens"
  | "cache_write_1h_tokens"
  | "input_audio_tokens"
  | "cache_audio_read_tokens"
  | "output_tokens"
  | "output_reasoning_tokens"
  | "output_audio_tokens"
  | "audio_seconds"
  | "input_audio_seconds";

export interface PricingUnit {
  key: UnitKey;
  /** The genai-prices price field, e.g. "cache_write_1h_mtok". */
  priceKey: string;
  /** How many units one price is for (1,000,000 tokens; 3,600 seconds for an hourly price). */
  per: bigint;
  dimensions: Readonly<Record<string, string>>;
  quantity(usage: TokenUsage): number;
}

const MILLION = 1_000_000n;
const count = (value: number | undefined) => (value === undefined || !Number.isFinite(value) || value < 0 ? 0 : value);

// Dimensions as genai-prices' prices/units.yml defines them.
export const PRICING_UNITS: readonly PricingUnit[] = [
  { key: "input_tokens", priceKey: "input_mtok", per: MILLION, dimensions: { direction: "input", family: "tokens" }, quantity: (usage) => count(usage.inputTokens) },
  {
    key: "cache_read_tokens",
    priceKey: "cache_read_mtok",
    per: MILLION,
    dimensions: { direction: "input", family: "tokens", token_type: "cache_read" },
    quantity: (usage) => count(usage.cacheReadTokens),
  },
  {
    key: "cache_write_tokens",
    priceKey: "cache_write_mtok",
    per: MILLION,
    dimensions: { direction: "input", family: "tokens", token_type: "cache_write" },
    quantity: (usage) => count(usage.cacheWriteTokens),
  },
  {
    key: "cache_write_5m_tokens",
    priceKey: "cache_write_5m_mtok",
    per: MILLION,
    dimensions: { direction: "input", family: "tokens", token_type: "cache_write", cache_ttl: "5m" },
    quantity: (usage) => Math.max(0, count(usage.cacheWriteTokens) - count(usage.cacheWrite1hTokens)),
  },
  {
    key: "cache_write_1h_tokens",
    priceKey: "cache_write_1h_mtok",
    per: MILLION,
    dimensions: { direction: "input", family: "tokens", token_type: "cache_write", cache_ttl: "1h" },
    quantity: (usage) => count(usage.cacheWrite1hTokens),
  },
  {
    key: "input_audio_tokens",
    priceKey: "input_audio_mtok",
    per: MILLION,
    dimensions: { direction: "input", family: "tokens", modality: "audio" },
    quantity: (usage) => count(usage.inputAudioTokens),
  },
  {
    key: "cache_audio_read_tokens",
    priceKey: "cache_audio_read_mtok",
    per: MILLION,
    dimensions: { direction: "input", family: "tokens", modality: "audio", token_type: "cache_read" },
    quantity: (usage) => count(usage.cacheAudioReadTokens),
  },
  { key: "output_tokens", priceKey: "output_mtok", per: MILLION, dimensions: { direction: "output", family: "tokens" }, quantity: (usage) => count(usage.outputTokens) },
  {
    key: "output_reasoning_tokens",
    priceKey: "output_reasoning_mtok",
    per: MILLION,
    dimensions: { direction: "output", family: "tokens", token_type: "reasoning" },
    quantity: (usage) => count(usage.reasoningTokens),
  },
  {
    key: "output_audio_tokens",
    priceKey: "output_audio_mtok",
    per: MILLION,
    dimensions: { direction: "output", family: "tokens", modality: "audio" },
    quantity: (usage) => count(usage.outputAudioTokens),
  },
  { key: "audio_seconds", priceKey: "audio_hours", per: 3600n, dimensions: { family: "durations", modality: "audio" }, quantity: (usage) => count(usage.audioSeconds) },
  {
    key: "input_audio_seconds",
    priceKey: "input_audio_hours",
    per: 3600n,
    dimensions: { direction: "input", family: "durations", modality: "audio" },
    quantity: (usage) => count(usage.audioSeconds),
  },
];

export const UNIT_BY_PRICE_KEY: ReadonlyMap<string, PricingUnit> = new Map(PRICING_UNITS.map((unit) => [unit.priceKey, unit]));

/** True when `part` is a more specific unit inside `whole` (its dimensions include all of whole's). */
export function isPartOf(part: PricingUnit, whole: PricingUnit): boolean {
  if (part === whole) return false;
  return Object.entries(whole.dimensions).every(([name, value]) => part.dimensions[name] === value);
}

/**
 * Most specific units first, so each unit's own share is its quantity minus the
 * shares already given to its parts (genai-prices' order: more dimensions first).
 */
export function sortMostSpecificFirst(units: PricingUnit[]): PricingUnit[] {
  return [...units].sort(
    (left, right) => Object.keys(right.dimensions).length - Object.keys(left.dimensions).length || left.key.localeCompare(right.key),
  );
}

/** The units in the order their shares are taken, each with the units that are part of it. */
interface SharePlan {
  ordered: PricingUnit[];
  partsOf: PricingUnit[][];
}

// Every request of a model is priced with the same units: the plan is made once per units array.
const sharePlans = new WeakMap<readonly PricingUnit[], SharePlan>();

function sharePlan(units: readonly PricingUnit[]): SharePlan {
  let plan = sharePlans.get(units);
  if (!plan) {
    const ordered = sortMostSpecificFirst([...units]);
    plan = { ordered, partsOf: ordered.map((unit) => ordered.filter((other) => isPartOf(other, unit))) };
    sharePlans.set(units, plan);
  }
  return plan;
}

/** Each priced unit's own share of the usage (never negative). Pass the same array for the same units to reuse its plan. */
export function leafQuantities(units: readonly PricingUnit[], usage: TokenUsage): Map<UnitKey, number> {
  const leaves = new Map<UnitKey, number>();
  const { ordered, partsOf } = sharePlan(units);
  for (let position = 0; position < ordered.length; position++) {
    const unit = ordered[position];
    let claimed = 0;
    for (const other of partsOf[position]) claimed += leaves.get(other.key) ?? 0;
    leaves.set(unit.key, Math.max(0, unit.quantity(usage) - claimed));
  }
  return leaves;
}
