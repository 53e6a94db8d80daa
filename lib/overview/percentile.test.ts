import { describe, expect, it } from "vitest";
import { nearestRankIndex, percentileOf } from "./percentile";

describe("nearestRankIndex", () => {
  it("picks the nearest rank", () => {
    expect(nearestRankIndex(1, 50)).toBe(0);
    expect(nearestRankIndex(1, 95)).toBe(0);
    expect(nearestRankIndex(4, 50)).toBe(1);
    expect(nearestRankIndex(5, 50)).toBe(2);
    expect(nearestRankIndex(100, 95)).toBe(94);
    expect(nearestRankIndex(20, 95)).toBe(18);
    expect(nearestRankIndex(10, 100)).toBe(9);
  });

  it("has nothing to pick from no values and refuses nonsense percentiles", () => {
    expect(nearestRankIndex(0, 50)).toBeNull();
    expect(() => nearestRankIndex(10, 0)).toThrow(RangeError);
    expect(() => nearestRankIndex(10, 101)).toThrow(RangeError);
  });
});

describe("percentileOf", () => {
  it("sorts before picking", () => {
    const latencies = [900, 100, 300, 200, 5000, 400, 250, 350, 150, 120];
    expect(percentileOf(latencies, 50)).toBe(250);
    expect(percentileOf(latencies, 95)).toBe(5000);
    expect(percentileOf([], 50)).toBeNull();
  });
});
