// An exact sum of prices as one fraction of micro-USD. Hourly audio prices
// divide by 3,600, which no decimal represents exactly, so terms are added as
// fractions and rounded once, when the request's cost is recorded.
import type { DecimalRate } from "./decimal-rate";

function greatestCommonDivisor(left: bigint, right: bigint): bigint {
  while (right !== 0n) [left, right] = [right, left % right];
  return left < 0n ? -left : left;
}

export class ExactAmount {
  private numerator = 0n;
  private denominator = 1n;

  /** Adds quantity × rate × multiplier / divisor (all non-negative). */
  add(quantity: DecimalRate, rate: DecimalRate, multiplier: bigint, divisor: bigint): void {
    const numerator = quantity.units * rate.units * multiplier;
    if (numerator === 0n) return;
    const denominator = 10n ** BigInt(quantity.scale + rate.scale) * divisor;
    this.numerator = this.numerator * denominator + numerator * this.denominator;
    this.denominator *= denominator;
    const divisorOfBoth = greatestCommonDivisor(this.numerator, this.denominator);
    if (divisorOfBoth > 1n) {
      this.numerator /= divisorOfBoth;
      this.denominator /= divisorOfBoth;
    }
  }

  /** Rounded half up to a whole micro-USD (the rule for recorded cost). */
  roundHalfUp(): bigint {
    return (2n * this.numerator + this.denominator) / (2n * this.denominator);
  }

  /** Rounded up to a whole micro-USD (reservations must never under-estimate). */
  roundUp(): bigint {
    return (this.numerator + this.denominator - 1n) / this.denominator;
  }

  /** The amount as a float, for comparisons in tests only. */
  toNumber(): number {
    return Number(this.numerator) / Number(this.denominator);
  }
}
