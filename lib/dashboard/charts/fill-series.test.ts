import { describe, expect, it } from "vitest";
import { fillSeries, isEmptySeries, type SeriesPoint } from "./fill-series";

const point = (t: string, costUsd: number, requests = 1, errors = 0): SeriesPoint => ({
  t,
  costUsd,
  requests,
  errors,
  inputTokens: 10 * requests,
  outputTokens: 5 * requests,
});

describe("fillSeries", () => {
  it("puts a zero point in every missing UTC hour, oldest first", () => {
    const filled = fillSeries([point("2026-03-10T12:00:00.000Z", 0.5, 3, 1)], {
      from: "2026-03-10T10:00:00.000Z",
      to: "2026-03-10T13:20:00.000Z",
      interval: "hour",
    });
    expect(filled.map((entry) => entry.t)).toEqual([
      "2026-03-10T10:00:00.000Z",
      "2026-03-10T11:00:00.000Z",
      "2026-03-10T12:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
    ]);
    expect(filled[0]).toMatchObject({ costUsd: 0, requests: 0, errors: 0, successes: 0, tokens: 0 });
    expect(filled[2]).toMatchObject({ costUsd: 0.5, requests: 3, errors: 1, successes: 2, tokens: 45, time: Date.parse("2026-03-10T12:00:00.000Z") });
  });

  it("merges points of the same UTC day with exact money and drops points outside the period", () => {
    const filled = fillSeries(
      [point("2026-03-01T01:00:00Z", 0.1), point("2026-03-01T23:00:00Z", 0.2), point("2026-02-20T00:00:00Z", 9), point("2026-03-03T00:00:00Z", 9)],
      { from: "2026-03-01T00:00:00Z", to: "2026-03-03T00:00:00Z", interval: "day" },
    );
    expect(filled).toHaveLength(2);
    // 0.1 + 0.2 in floats is 0.30000000000000004.
    expect(filled[0].costUsd).toBe(0.3);
    expect(filled[0].requests).toBe(2);
    expect(filled[1].costUsd).toBe(0);
  });

  it("knows when there is nothing to plot", () => {
    const range = { from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z", interval: "hour" as const };
    expect(isEmptySeries(fillSeries([], range))).toBe(true);
    expect(isEmptySeries(fillSeries([point("2026-03-01T05:00:00Z", 0, 1)], range))).toBe(false);
  });
});
