import { describe, expect, it } from "vitest";
import { parseChoice, periodRange, previousRange, OVERVIEW_PERIODS } from "./periods";

const NOW = new Date("2026-03-10T15:42:10.000Z");

describe("periodRange", () => {
  it("covers 24 UTC hours ending with the current hour", () => {
    const range = periodRange("24h", NOW);
    expect(range.interval).toBe("hour");
    expect(range.from.toISOString()).toBe("2026-03-09T16:00:00.000Z");
    expect(range.to).toBe(NOW);
  });

  it("covers whole UTC days ending with today for 7d, 30d and 90d", () => {
    expect(periodRange("7d", NOW).from.toISOString()).toBe("2026-03-04T00:00:00.000Z");
    expect(periodRange("30d", NOW).from.toISOString()).toBe("2026-02-09T00:00:00.000Z");
    expect(periodRange("90d", NOW)).toMatchObject({ interval: "day" });
  });

  it("gives the previous period, started on a whole UTC hour", () => {
    const previous = previousRange(periodRange("24h", NOW));
    expect(previous.to.toISOString()).toBe("2026-03-09T16:00:00.000Z");
    // 23 h 42 min before 16:00 is 16:18 the day before, floored to 16:00.
    expect(previous.from.toISOString()).toBe("2026-03-08T16:00:00.000Z");
    expect(previousRange(periodRange("7d", NOW)).from.toISOString()).toBe("2026-02-25T08:00:00.000Z");
  });
});

describe("parseChoice", () => {
  it("accepts only the allowed periods", () => {
    expect(parseChoice("7d", OVERVIEW_PERIODS, "24h")).toBe("7d");
    expect(parseChoice("90d", OVERVIEW_PERIODS, "24h")).toBe("24h");
    expect(parseChoice(undefined, OVERVIEW_PERIODS, "30d")).toBe("30d");
    expect(parseChoice(["7d"], OVERVIEW_PERIODS, "24h")).toBe("24h");
  });
});
