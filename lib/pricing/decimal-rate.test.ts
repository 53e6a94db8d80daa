import { describe, expect, it } from "vitest";
import { decimalFromNumber, decimalFromPerMillionMicros, roundHalfUp, roundUp, sumProducts } from "./decimal-rate";

describe("decimalFromNumber", () => {
  it("reads prices as the decimals they were written as", () => {
    expect(decimalFromNumber(0.075)).toEqual({ units: 75n, scale: 3 });
    expect(decimalFromNumber(2.5)).toEqual({ units: 25n, scale: 1 });
    expect(decimalFromNumber(10)).toEqual({ units: 10n, scale: 0 });
    expect(decimalFromNumber(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(decimalFromNumber(2.5e-7)).toEqual({ units: 25n, scale: 8 });
    expect(decimalFromNumber(1e21)).toEqual({ units: 10n ** 21n, scale: 0 });
  });

  it("rejects negative and non-finite prices", () => {
    expect(() => decimalFromNumber(-1)).toThrow();
    expect(() => decimalFromNumber(Number.NaN)).toThrow();
  });
});

describe("sums and rounding", () => {
  it("sums without float error (0.1 + 0.2 is exactly 0.3)", () => {
    const sum = sumProducts([
      { quantity: 1, rate: decimalFromNumber(0.1) },
      { quantity: 1, rate: decimalFromNumber(0.2) },
    ]);
    expect(sum).toEqual({ units: 3n, scale: 1 });
  });

  it("rounds half up and up", () => {
    expect(roundHalfUp({ units: 15n, scale: 1 })).toBe(2n);
    expect(roundHalfUp({ units: 149n, scale: 2 })).toBe(1n);
    expect(roundUp({ units: 101n, scale: 2 })).toBe(2n);
    expect(roundUp({ units: 100n, scale: 2 })).toBe(1n);
    expect(roundHalfUp({ units: 7n, scale: 0 })).toBe(7n);
  });

  it("treats stored custom prices as micro-USD per million tokens", () => {
    const perToken = decimalFromPerMillionMicros(2_500_000n);
    expect(roundHalfUp(sumProducts([{ quantity: 1000, rate: perToken }]))).toBe(2500n);
  });
});
