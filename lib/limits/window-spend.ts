// Spend of a key or a member in the current limit windows, read from the
// hourly rollups. Windows start on UTC hour boundaries, so summing whole hours
// is exact. This is what the dashboard shows for every window, limited or not,
// and what a counter starts from when a limit is first enforced.
import { db } from "../db";
import { windowStart, type LimitWindow } from "./windows";

type Scope = "key" | "member";

function scopeFilter(scope: Scope, scopeId: string) {
  return scope === "key" ? { apiKeyId: scopeId } : { membershipId: scopeId };
}

/** Micro-USD recorded for the scope since `since` (inclusive, an hour boundary). */
export async function spentSince(scope: Scope, scopeId: string, since: Date): Promise<bigint> {
  const total = await db.usageHourly.aggregate({
    where: { ...scopeFilter(scope, scopeId), hour: { gte: since } },
    _sum: { costMicros: true },
  });
  return total._sum.costMicros ?? 0n;
}

/** Spend per window, from one query over the widest window needed. */
export async function windowSpend<Window extends LimitWindow>(
  scope: Scope,
  scopeId: string,
  windows: readonly Window[],
  now = new Date(),
): Promise<Record<Window, bigint>> {
  const starts = windows.map((window) => windowStart(window, now));
  const earliest = new Date(Math.min(...starts.map((start) => start.getTime())));
  const rows = await db.usageHourly.groupBy({
    by: ["hour"],
    where: { ...scopeFilter(scope, scopeId), hour: { gte: earliest } },
    _sum: { costMicros: true },
  });
  const result = {} as Record<Window, bigint>;
  windows.forEach((window, index) => {
    let sum = 0n;
    for (const row of rows) if (row.hour >= starts[index]) sum += row._sum.costMicros ?? 0n;
    result[window] = sum;
  });
  return result;
}
