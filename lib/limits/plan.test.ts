import { describe, expect, it } from "vitest";
import { limitChecks } from "./plan";

type Limits = { daily: bigint | null; weekly: bigint | null; monthly: bigint | null; total: bigint | null };
const limits: Limits = { daily: 5_000_000n, weekly: null, monthly: 50_000_000n, total: null };

describe("limitChecks", () => {
  it("builds a key's checks once per window and anew when a window rolls over", () => {
    const key = { id: "key-1", limits, membershipId: null, memberLimits: null };
    const morning = limitChecks(key, new Date("2026-12-02T08:00:00Z"));
    expect(morning.map((check) => check.counterId)).toEqual(["key:key-1:daily:2026-12-02T00:00:00.000Z", "key:key-1:monthly:2026-12-01T00:00:00.000Z"]);
    expect(limitChecks(key, new Date("2026-12-02T23:59:59.999Z"))).toBe(morning);
    const nextDay = limitChecks(key, new Date("2026-12-03T00:00:00Z"));
    expect(nextDay).not.toBe(morning);
    expect(nextDay[0].counterId).toBe("key:key-1:daily:2026-12-03T00:00:00.000Z");
    expect(nextDay[0].resetsAt?.toISOString()).toBe("2026-12-04T00:00:00.000Z");
  });

  it("follows new limits and member limits", () => {
    const key = { id: "key-2", limits, membershipId: "member-1", memberLimits: null as Limits | null };
    const now = new Date("2026-12-02T08:00:00Z");
    expect(limitChecks(key, now)).toHaveLength(2);
    key.memberLimits = { daily: 1_000_000n, weekly: 2_000_000n, monthly: null, total: null };
    expect(limitChecks(key, now).map((check) => `${check.scope}:${check.window}`)).toEqual(["key:daily", "key:monthly", "member:daily", "member:weekly"]);
    const raised = { ...key, limits: { ...limits, daily: 9_000_000n } };
    expect(limitChecks(raised, now)[0].limitMicros).toBe(9_000_000n);
  });
});
