// Limit windows in UTC: a day starts at 00:00, a week on Monday 00:00, a month
// on the 1st 00:00; "total" never resets.

export const LIMIT_WINDOWS = ["daily", "weekly", "monthly", "total"] as const;
export type LimitWindow = (typeof LIMIT_WINDOWS)[number];

const TOTAL_WINDOW_START = new Date(0);

export function windowStart(window: LimitWindow, now: Date): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const day = now.getUTCDate();
  switch (window) {
    case "daily":
      return new Date(Date.UTC(year, month, day));
    case "weekly": {
      const daysSinceMonday = (now.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(year, month, day - daysSinceMonday));
    }
    case "monthly":
      return new Date(Date.UTC(year, month, 1));
    case "total":
      return TOTAL_WINDOW_START;
  }
}

/** When the window containing `now` ends, or null for "total". */
export function windowReset(window: LimitWindow, now: Date): Date | null {
  const start = windowStart(window, now);
  switch (window) {
    case "daily":
      return new Date(start.getTime() + 86_400_000);
    case "weekly":
      return new Date(start.getTime() + 7 * 86_400_000);
    case "monthly":
      return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    case "total":
      return null;
  }
}

/** Stable id of one counter row, so reservations can name counters without a lookup. */
export function counterId(scope: "key" | "member", scopeId: string, window: LimitWindow, now: Date): string {
  return `${scope}:${scopeId}:${window}:${windowStart(window, now).toISOString()}`;
}
