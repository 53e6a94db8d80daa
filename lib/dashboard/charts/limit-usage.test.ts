import { describe, expect, it } from "vitest";
import { limitUsage, parseLimitInput, parseUsdAmount } from "./limit-usage";

describe("limitUsage", () => {
  it("fills the bar with spend against the limit and warns from 80 %", () => {
    expect(limitUsage(2, 10)).toEqual({ fill: 0.2, ratio: 0.2, tone: "normal" });
    expect(limitUsage(8, 10)).toMatchObject({ tone: "warning" });
    expect(limitUsage(12, 10)).toEqual({ fill: 1, ratio: 1.2, tone: "over" });
  });

  it("shows no bar without a limit", () => {
    expect(limitUsage(5, null)).toEqual({ fill: 0, ratio: null, tone: "none" });
    expect(limitUsage(null, 10)).toMatchObject({ fill: 0, tone: "normal" });
  });
});

describe("parseLimitInput", () => {
  it("clears the limit when empty", () => {
    expect(parseLimitInput("  ")).toEqual({ value: null });
  });

  it("accepts dollar amounts with a sign or thousands separators, to the millionth of a dollar", () => {
    expect(parseLimitInput("25")).toEqual({ value: 25 });
    expect(parseLimitInput("$1,250.505")).toEqual({ value: 1250.505 });
    // The walk-through's $0.0005 daily limit: kept, not rounded to 0.
    expect(parseLimitInput("0.0005")).toEqual({ value: 0.0005 });
    expect(parseLimitInput("0.00000049")).toEqual({ error: "Must be at least $0.000001 (a millionth of a dollar)" });
  });

  it("refuses zero, negatives and text", () => {
    expect(parseLimitInput("0")).toEqual({ error: "Must be greater than 0 (leave empty for no limit)" });
    expect(parseLimitInput("-5")).toHaveProperty("error");
    expect(parseLimitInput("ten")).toHaveProperty("error");
  });
});

describe("parseUsdAmount", () => {
  it("requires an amount, and a positive one unless zero is allowed", () => {
    expect(parseUsdAmount("")).toEqual({ error: "Enter an amount in USD" });
    expect(parseUsdAmount("50")).toEqual({ value: 50 });
    expect(parseUsdAmount("0")).toHaveProperty("error");
    expect(parseUsdAmount("0", { allowZero: true })).toEqual({ value: 0 });
    expect(parseUsdAmount("-1", { allowZero: true })).toHaveProperty("error");
    expect(parseUsdAmount("20000000")).toHaveProperty("error");
  });
});
