// The periods the Overview and Spending tabs offer, and the [from, to) range
// and bucket size each one covers. Buckets are UTC hours or UTC days, aligned
// so a period of N buckets ends with the bucket that holds `now`.
import type { SpendingInterval } from "@/lib/spending/schemas";

export const OVERVIEW_PERIODS = ["24h", "7d", "30d"] as const;
export const SPENDING_PERIODS = ["24h", "7d", "30d", "90d"] as const;

export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];
export type DashboardPeriod = (typeof SPENDING_PERIODS)[number];

interface PeriodDefinition {
  /** Button text. */
  short: string;
  /** Words for sentences ("in the last 24 hours"). */
  long: string;
  interval: SpendingInterval;
  buckets: number;
}

export const PERIOD_DEFINITIONS: Record<DashboardPeriod, PeriodDefinition> = {
  "24h": { short: "24h", long: "last 24 hours", interval: "hour", buckets: 24 },
  "7d": { short: "7d", long: "last 7 days", interval: "day", buckets: 7 },
  "30d": { short: "30d", long: "last 30 days", interval: "day", buckets: 30 },
  "90d": { short: "90d", long: "last 90 days", interval: "day", buckets: 90 },
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface PeriodRange {
  from: Date;
  to: Date;
  interval: SpendingInterval;
}

/** [from, to) of a period ending now: from is the start of the oldest bucket, to is now. */
export function periodRange(period: DashboardPeriod, now: Date = new Date()): PeriodRange {
  const { interval, buckets } = PERIOD_DEFINITIONS[period];
  const size = interval === "hour" ? HOUR_MS : DAY_MS;
  const currentBucket = Math.floor(now.getTime() / size) * size;
  return { from: new Date(currentBucket - (buckets - 1) * size), to: now, interval };
}

/**
 * The period just before `range` (for "vs previous period"), as long as it or
 * up to an hour longer: its start is floored to the UTC hour, the grain of the rollups.
 */
export function previousRange(range: PeriodRange): PeriodRange {
  const span = range.to.getTime() - range.from.getTime();
  const from = Math.floor((range.from.getTime() - span) / HOUR_MS) * HOUR_MS;
  return { from: new Date(from), to: range.from, interval: range.interval };
}

/** A choice from a URL parameter (a period, a grouping), or the fallback when it is missing or unknown. */
export function parseChoice<Choice extends string>(value: unknown, allowed: readonly Choice[], fallback: Choice): Choice {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as Choice) : fallback;
}
