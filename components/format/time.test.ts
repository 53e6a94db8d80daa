import { describe, expect, it } from "vitest";
import { formatBucketLabel, formatBucketRange, formatRelativeTime, formatUtcDateTime } from "./time";

describe("bucket labels", () => {
  it("labels UTC hours and days", () => {
    expect(formatBucketLabel("2026-03-10T14:00:00Z", "hour")).toBe("14:00");
    expect(formatBucketLabel("2026-03-10T00:00:00Z", "day")).toBe("Mar 10");
    expect(formatBucketLabel("2026-03-10T23:00:00Z", "day")).toBe("Mar 10");
  });

  it("titles tooltips with the bucket's range", () => {
    expect(formatBucketRange("2026-03-10T23:00:00Z", "hour")).toBe("Mar 10, 23:00–00:00 UTC");
    expect(formatBucketRange("2026-03-10T00:00:00Z", "day")).toBe("Mar 10, 2026 (UTC)");
    expect(formatUtcDateTime("2026-03-10T14:05:09Z")).toBe("Mar 10, 2026, 14:05 UTC");
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("says how long ago", () => {
    expect(formatRelativeTime("2026-03-10T11:59:30Z", now)).toBe("just now");
    expect(formatRelativeTime("2026-03-10T11:55:00Z", now)).toBe("5 min ago");
    expect(formatRelativeTime("2026-03-10T09:00:00Z", now)).toBe("3 h ago");
    expect(formatRelativeTime("2026-03-08T12:00:00Z", now)).toBe("2 d ago");
    expect(formatRelativeTime("2026-01-02T12:00:00Z", now)).toBe("Jan 2");
  });
});
