import { describe, expect, it } from "vitest";
import { firstAttemptShares, formatShare } from "./first-attempt-share";

describe("firstAttemptShares", () => {
  it("normalises the weights of the top priority tier", () => {
    expect(firstAttemptShares([
      { priority: 10, weight: 3 },
      { priority: 10, weight: 1 },
    ])).toEqual([0.75, 0.25]);
  });

  it("gives lower priority tiers no first attempts", () => {
    expect(firstAttemptShares([
      { priority: 0, weight: 5 },
      { priority: 2, weight: 1 },
      { priority: 2, weight: 1 },
      { priority: -1, weight: 100 },
    ])).toEqual([0, 0.5, 0.5, 0]);
  });

  it("gives weight-0 members nothing while another member of their tier has weight", () => {
    expect(firstAttemptShares([
      { priority: 1, weight: 0 },
      { priority: 1, weight: 2 },
    ])).toEqual([0, 1]);
  });

  it("shares equally when every member of the top tier has weight 0", () => {
    expect(firstAttemptShares([
      { priority: 1, weight: 0 },
      { priority: 1, weight: 0 },
      { priority: 1, weight: 0 },
      { priority: 0, weight: 4 },
    ])).toEqual([1 / 3, 1 / 3, 1 / 3, 0]);
  });

  it("sums to 1 and ignores members whose numbers are not valid yet (half-typed form)", () => {
    const shares = firstAttemptShares([
      { priority: 1, weight: 2 },
      { priority: Number.NaN, weight: 1 },
      { priority: 5, weight: -1 },
      { priority: 1, weight: 0.5 },
    ]);
    expect(shares).toEqual([0.8, 0, 0, 0.2]);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1);
  });

  it("answers nothing for an empty group", () => {
    expect(firstAttemptShares([])).toEqual([]);
  });
});

describe("formatShare", () => {
  it("keeps whole percentages whole and others to one decimal", () => {
    expect(formatShare(0.5)).toBe("50%");
    expect(formatShare(1 / 3)).toBe("33.3%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(1)).toBe("100%");
  });
});
