import { describe, expect, it } from "vitest";
import { formatChange, formatCount, formatPercent, formatTokens } from "./numbers";

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(undefined)).toBe("—");
  });
});

describe("formatTokens", () => {
  it("abbreviates thousands, millions and billions", () => {
    expect(formatTokens(950)).toBe("950");
    expect(formatTokens(1000)).toBe("1k");
    expect(formatTokens(12_345)).toBe("12.3k");
    expect(formatTokens(123_456)).toBe("123k");
    expect(formatTokens(4_500_000)).toBe("4.5M");
    expect(formatTokens(1_200_000_000)).toBe("1.2B");
  });

  it("moves up a unit instead of writing 1000k", () => {
    expect(formatTokens(999_960)).toBe("1M");
    expect(formatTokens(999)).toBe("999");
  });
});

describe("formatPercent", () => {
  it("shows one decimal, trimmed", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
  });

  it("never rounds a real non-zero rate to 0%", () => {
    expect(formatPercent(0.0004)).toBe("<0.1%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("formatChange", () => {
  it("signs the change against the previous period", () => {
    expect(formatChange(0.123)).toBe("+12%");
    expect(formatChange(-0.08)).toBe("−8%");
    expect(formatChange(0.001)).toBe("±0%");
    expect(formatChange(null)).toBe("—");
  });
});
