// Dates in the dashboard. Buckets are UTC hours and days (the windows of SPEC §1),
// so their labels are UTC too; single events are shown in the viewer's time zone.
import type { SpendingInterval } from "@/lib/spending/schemas";

const HOUR_LABEL = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const DAY_LABEL = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const FULL_UTC = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** Axis label of a bucket: "14:00" for hours, "Mar 10" for days. */
export function formatBucketLabel(time: string | number | Date, interval: SpendingInterval): string {
  const date = new Date(time);
  return interval === "hour" ? HOUR_LABEL.format(date) : DAY_LABEL.format(date);
}

/** Tooltip title of a bucket: "Mar 10, 14:00–15:00 UTC" or "Mar 10, 2026 (UTC)". */
export function formatBucketRange(time: string | number | Date, interval: SpendingInterval): string {
  const date = new Date(time);
  if (interval === "day") return `${DAY_LABEL.format(date)}, ${date.getUTCFullYear()} (UTC)`;
  const end = new Date(date.getTime() + 3_600_000);
  return `${DAY_LABEL.format(date)}, ${HOUR_LABEL.format(date)}–${HOUR_LABEL.format(end)} UTC`;
}

/** "Mar 10, 2026, 14:05 UTC" */
export function formatUtcDateTime(time: string | number | Date): string {
  return `${FULL_UTC.format(new Date(time))} UTC`;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then a date. */
export function formatRelativeTime(time: string | number | Date, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - new Date(time).getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} d ago`;
  return DAY_LABEL.format(new Date(time));
}
