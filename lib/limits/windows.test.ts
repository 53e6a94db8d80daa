import { describe, expect, it } from "vitest";
import { windowReset, windowStart } from "./windows";

describe("limit windows (UTC)", () => {
  const wednesday = new Date("2026-11-25T13:45:00Z");

  it("starts a day at 00:00 UTC and resets at the next midnight", () => {
    expect(windowStart("daily", wednesday).toISOString()).toBe("2026-11-25T00:00:00.000Z");
    expect(windowReset("daily", wednesday)?.toISOString()).toBe("2026-11-26T00:00:00.000Z");
  });

  it("starts a week on Monday, also when today is Sunday", () => {
    expect(windowStart("weekly", wednesday).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(windowStart("weekly", new Date("2026-11-29T23:59:59Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(windowStart("weekly", new Date("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("starts a month on the 1st and rolls over the year", () => {
    expect(windowStart("monthly", new Date("2026-12-31T23:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(windowReset("monthly", new Date("2026-12-31T23:00:00Z"))?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("never resets the total window", () => {
    expect(windowReset("total", wednesday)).toBeNull();
  });
});
