import { describe, expect, it } from "vitest";
import { ratio, relativeChange, withShares } from "./shares";

describe("withShares", () => {
  it("gives each row its part of the total", () => {
    const shared = withShares([{ cost: 3 }, { cost: 1 }, { cost: 0 }], (row) => row.cost);
    expect(shared.map((row) => row.share)).toEqual([0.75, 0.25, 0]);
  });

  it("gives zero shares when the total is zero, never NaN", () => {
    expect(withShares([{ cost: 0 }, { cost: 0 }], (row) => row.cost).map((row) => row.share)).toEqual([0, 0]);
  });
});

describe("relativeChange and ratio", () => {
  it("compares with the previous period", () => {
    expect(relativeChange(150, 100)).toBe(0.5);
    expect(relativeChange(50, 100)).toBe(-0.5);
    expect(relativeChange(5, 0)).toBeNull();
  });

  it("has no error rate without requests", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });
});
