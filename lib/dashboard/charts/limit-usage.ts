// Spend against a limit, for the bars of the member limit editor.
export type LimitTone = "normal" | "warning" | "over" | "none";

export interface LimitUsage {
  /** Bar fill, 0…1 (clamped); 0 when there is no limit. */
  fill: number;
  /** Unclamped spend / limit, or null without a limit. */
  ratio: number | null;
  tone: LimitTone;
}

/** From 80 % of a limit the bar warns; at the limit it is over. */
export const WARNING_RATIO = 0.8;

export function limitUsage(spendUsd: number | null | undefined, limitUsd: number | null | undefined): LimitUsage {
  const spend = Math.max(spendUsd ?? 0, 0);
  if (limitUsd === null || limitUsd === undefined || limitUsd <= 0) return { fill: 0, ratio: null, tone: "none" };
  const ratio = spend / limitUsd;
  return { fill: Math.min(ratio, 1), ratio, tone: ratio >= 1 ? "over" : ratio >= WARNING_RATIO ? "warning" : "normal" };
}

/**
 * A USD amount typed by a person ("25", "$1,250.50", "0.0005") → a number in
 * the precision money is stored in (a millionth of a dollar), or an error
 * message. Nothing above zero is ever rounded down to zero.
 */
export function parseUsdAmount(text: string, options: { allowZero?: boolean } = {}): { value: number } | { error: string } {
  const trimmed = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (trimmed === "") return { error: "Enter an amount in USD" };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: "Enter an amount in USD, e.g. 25" };
  if (value < 0 || (value === 0 && !options.allowZero)) return { error: options.allowZero ? "Must be 0 or more" : "Must be greater than 0" };
  if (value > 10_000_000) return { error: "Must be at most 10,000,000" };
  const micros = Math.round(value * 1_000_000) / 1_000_000;
  if (value > 0 && micros === 0) return { error: "Must be at least $0.000001 (a millionth of a dollar)" };
  return { value: micros };
}

/** A limit input's text → the PATCH value: empty clears (null), otherwise a positive USD amount or an error message. */
export function parseLimitInput(text: string): { value: number | null } | { error: string } {
  if (text.trim() === "") return { value: null };
  const parsed = parseUsdAmount(text);
  if ("error" in parsed && parsed.error === "Must be greater than 0") return { error: "Must be greater than 0 (leave empty for no limit)" };
  return parsed;
}
