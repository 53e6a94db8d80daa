// Which limits one request must fit in: the key's windows and, for a personal
// key, its member's windows. Windows without a limit are not checked.
import { formatUsd } from "../money";
import type { LimitCheck } from "./counter-store";
import { counterId, windowReset, windowStart, type LimitWindow } from "./windows";

type WindowLimits = Partial<Record<LimitWindow, bigint | null>>;

function checksFor(scope: "key" | "member", scopeId: string, limits: WindowLimits, now: Date): LimitCheck[] {
  return (Object.entries(limits) as Array<[LimitWindow, bigint | null]>).flatMap(([window, limitMicros]) =>
    limitMicros === null || limitMicros === undefined
      ? []
      : [{
          counterId: counterId(scope, scopeId, window, now),
          scope,
          scopeId,
          window,
          windowStart: windowStart(window, now),
          limitMicros,
          resetsAt: windowReset(window, now),
        }],
  );
}

type KeyLimits = { id: string; limits: WindowLimits; membershipId: string | null; memberLimits: WindowLimits | null };

// Every request of a key asks for the same checks until one of its windows
// rolls over, so they are built once per key object (the key cache replaces
// the object when the key or its member's limits change) and window.
const checksOfKey = new WeakMap<object, { limits: WindowLimits; memberLimits: WindowLimits | null; from: number; until: number; checks: LimitCheck[] }>();

export function limitChecks(key: KeyLimits, now: Date): LimitCheck[] {
  const time = now.getTime();
  const cached = checksOfKey.get(key);
  if (cached && cached.limits === key.limits && cached.memberLimits === key.memberLimits && time >= cached.from && time < cached.until) {
    return cached.checks;
  }
  const checks = checksFor("key", key.id, key.limits, now);
  if (key.membershipId && key.memberLimits) checks.push(...checksFor("member", key.membershipId, key.memberLimits, now));
  const from = Math.max(...checks.map((check) => check.windowStart.getTime()), Number.NEGATIVE_INFINITY);
  const until = Math.min(...checks.map((check) => check.resetsAt?.getTime() ?? Number.POSITIVE_INFINITY), Number.POSITIVE_INFINITY);
  checksOfKey.set(key, { limits: key.limits, memberLimits: key.memberLimits, from: Math.min(from, time), until, checks });
  return checks;
}

/** e.g. "key daily limit of $5.00 reached; resets 2026-11-28T00:00:00Z". */
export function limitExceededMessage(check: LimitCheck): string {
  const resets = check.resetsAt ? `resets ${check.resetsAt.toISOString().replace(".000Z", "Z")}` : "it never resets";
  return `${check.scope} ${check.window} limit of ${formatUsd(check.limitMicros)} reached; ${resets}`;
}
