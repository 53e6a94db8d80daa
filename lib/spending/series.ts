// Time buckets of the spending series: UTC hours or UTC days, every bucket of
// the period present (zero when nothing happened) so charts need no gap logic.
import type { SpendingInterval } from "./schemas";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** An hourly chart of ~3 months or a daily one of ~5 years; longer periods are refused, not truncated. */
export const MAX_SERIES_POINTS = 2_200;

export function bucketStart(time: Date, interval: SpendingInterval): Date {
  const size = interval === "hour" ? HOUR_MS : DAY_MS;
  return new Date(Math.floor(time.getTime() / size) * size);
}

/** How many buckets the period [from, to) spans. */
export function bucketCount(from: Date, to: Date, interval: SpendingInterval): number {
  if (to <= from) return 0;
  const size = interval === "hour" ? HOUR_MS : DAY_MS;
  return Math.ceil((to.getTime() - bucketStart(from, interval).getTime()) / size);
}

/** Start of every bucket that overlaps [from, to), oldest first. */
export function bucketStarts(from: Date, to: Date, interval: SpendingInterval): Date[] {
  const size = interval === "hour" ? HOUR_MS : DAY_MS;
  const starts: Date[] = [];
  for (let time = bucketStart(from, interval).getTime(); time < to.getTime(); time += size) starts.push(new Date(time));
  return starts;
}
