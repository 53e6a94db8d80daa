// Exact decimal arithmetic for prices. A rate is micro-USD per token (which is
// numerically the same as USD per million tokens), kept as units / 10^scale so a
// price like $0.075 per million is exact and a request's cost is summed without
// any binary float, then rounded to the micro once.

export interface DecimalRate {
  units: bigint;
  scale: number;
}

export const ZERO_RATE: DecimalRate = { units: 0n, scale: 0 };

/**
 * A price from genai-prices (a JS number such as 0.075) as an exact decimal.
 * The price data is written as short decimals; the shortest round-trip string
 * of the number (what `String()` gives) is exactly that decimal, so it is parsed
 * from text instead of being multiplied as a float.
 */
export function decimalFromNumber(value: number): DecimalRate {
  if (!Number.isFinite(value) || value < 0) throw new Error(`price must be a finite non-negative number, got ${value}`);
  // Token counts are whole numbers: no text round trip for them.
  if (Number.isSafeInteger(value)) return { units: BigInt(value), scale: 0 };
  const [mantissa, exponentText] = String(value).toLowerCase().split("e");
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [whole, fraction = ""] = mantissa.split(".");
  const units = BigInt(whole + fraction);
  const scale = fraction.length - exponent;
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
}

/** Integer micro-USD per million tokens (our stored custom prices) as micro-USD per token. */
export function decimalFromPerMillionMicros(perMillionMicros: bigint): DecimalRate {
  if (perMillionMicros < 0n) throw new Error("price cannot be negative");
  return { units: perMillionMicros, scale: 6 };
}

export function multiplyRate(rate: DecimalRate, factor: bigint): DecimalRate {
  return { units: rate.units * factor, scale: rate.scale };
}

export function isZeroRate(rate: DecimalRate): boolean {
  return rate.units === 0n;
}

/** Exact sum of `quantity × rate` terms; the result is still unrounded. */
export function sumProducts(terms: Array<{ quantity: number; rate: DecimalRate }>): DecimalRate {
  const scale = Math.max(0, ...terms.map((term) => term.rate.scale));
  let units = 0n;
  for (const term of terms) {
    if (term.quantity <= 0) continue;
    const quantity = BigInt(Math.round(term.quantity));
    units += quantity * term.rate.units * 10n ** BigInt(scale - term.rate.scale);
  }
  return { units, scale };
}

/** Round half up to a whole micro-USD (the rule for recorded cost). */
export function roundHalfUp(value: DecimalRate): bigint {
  const divisor = 10n ** BigInt(value.scale);
  return (value.units + divisor / 2n) / divisor;
}

/** Round up to a whole micro-USD (reservations must never under-estimate). */
export function roundUp(value: DecimalRate): bigint {
  const divisor = 10n ** BigInt(value.scale);
  return (value.units + divisor - 1n) / divisor;
}
