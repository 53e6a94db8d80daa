// Money is integer micro-USD (1 USD = 1,000,000) everywhere it is stored or
// summed, so totals agree to the cent. Conversions to and from USD numbers
// happen only at the API and display edges.

export const MICROS_PER_USD = 1_000_000n;

/** USD number from the API (e.g. 5.25) → micro-USD, rounded to the nearest micro. */
export function usdToMicros(usd: number): bigint {
  if (!Number.isFinite(usd)) throw new Error("amount must be a finite number");
  return BigInt(Math.round(usd * 1_000_000));
}

/** micro-USD → USD number for JSON answers (exact for any realistic amount). */
export function microsToUsd(micros: bigint | number | null | undefined): number {
  if (micros === null || micros === undefined) return 0;
  const value = BigInt(micros);
  const whole = value / MICROS_PER_USD;
  const fraction = value % MICROS_PER_USD;
  return Number(whole) + Number(fraction) / 1_000_000;
}

export function microsToUsdOrNull(micros: bigint | null | undefined): number | null {
  return micros === null || micros === undefined ? null : microsToUsd(micros);
}

/** Exact decimal text of micro-USD, e.g. 123n → "0.000123", -2_500_000n → "-2.500000" (for CSV, never a float). */
export function microsToDecimalText(micros: bigint): string {
  const sign = micros < 0n ? "-" : "";
  const absolute = micros < 0n ? -micros : micros;
  return `${sign}${absolute / MICROS_PER_USD}.${(absolute % MICROS_PER_USD).toString().padStart(6, "0")}`;
}

/** "$5.00" style text for messages and the dashboard. Small amounts keep more digits. */
export function formatUsd(micros: bigint | number): string {
  const usd = typeof micros === "bigint" ? microsToUsd(micros) : micros;
  const digits = Math.abs(usd) > 0 && Math.abs(usd) < 0.01 ? 6 : 2;
  return (usd < 0 ? "-$" : "$") + Math.abs(usd).toFixed(digits);
}

/** Cost of tokens at a per-million-tokens price in micro-USD, rounded up so we never under-charge. */
export function tokenCostMicros(tokens: number, perMillionMicros: bigint): bigint {
  if (tokens <= 0) return 0n;
  const numerator = BigInt(Math.round(tokens)) * perMillionMicros;
  return (numerator + 999_999n) / 1_000_000n;
}
