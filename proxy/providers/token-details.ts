// The optional token classes of a usage record, added only when an upstream
// reported a positive count, so records (and tests) of upstreams that never
// report them stay as they were.
import type { UsageCounts } from "./types";

export type TokenDetails = Pick<
  UsageCounts,
  "cacheWrite1hTokens" | "reasoningTokens" | "inputAudioTokens" | "cacheAudioReadTokens" | "outputAudioTokens" | "audioSeconds"
>;

export function withTokenDetails<Counts extends object>(counts: Counts, details: { [Name in keyof TokenDetails]?: number | null }): Counts & TokenDetails {
  const result: Counts & TokenDetails = { ...counts };
  for (const [name, value] of Object.entries(details) as Array<[keyof TokenDetails, number | null | undefined]>) {
    if (typeof value === "number" && Number.isFinite(value) && value > 0) result[name] = value;
  }
  return result;
}
