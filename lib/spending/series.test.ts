import { describe, expect, it } from "vitest";
import { bucketCount, bucketStart, bucketStarts } from "./series";

describe("spending series buckets", () => {
  it("starts buckets at the UTC hour and the UTC day", () => {
    const time = new Date("2026-03-10T23:59:59.999Z");
    expect(bucketStart(time, "hour").toISOString()).toBe("2026-03-10T23:00:00.000Z");
    expect(bucketStart(time, "day").toISOString()).toBe("2026-03-10T00:00:00.000Z");
  });

  it("covers every bucket that overlaps [from, to), and counts them without building them", () => {
    const from = new Date("2026-03-10T10:30:00Z");
    const to = new Date("2026-03-10T13:00:00Z");
    expect(bucketStarts(from, to, "hour").map((start) => start.toISOString())).toEqual([
      "2026-03-10T10:00:00.000Z",
      "2026-03-10T11:00:00.000Z",
      "2026-03-10T12:00:00.000Z",
    ]);
    expect(bucketCount(from, to, "hour")).toBe(3);
    expect(bucketStarts(from, new Date("2026-03-12T00:00:01Z"), "day")).toHaveLength(3);
    expect(bucketCount(from, new Date("2026-03-12T00:00:01Z"), "day")).toBe(3);
    expect(bucketCount(to, from, "day")).toBe(0);
  });
});
