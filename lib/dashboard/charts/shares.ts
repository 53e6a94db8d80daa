// Each row's share of the total (0…1) for percentage columns and share bars.
export function withShares<Row>(rows: readonly Row[], value: (row: Row) => number): Array<Row & { share: number }> {
  const total = rows.reduce((sum, row) => sum + Math.max(value(row), 0), 0);
  return rows.map((row) => ({ ...row, share: total > 0 ? Math.max(value(row), 0) / total : 0 }));
}

/** Relative change from `previous` to `current`: 0.25 = +25 %; null when there is nothing to compare with. */
export function relativeChange(current: number, previous: number): number | null {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  return (current - previous) / previous;
}

/** Share of a total as a ratio, or null when the total is zero (an error rate of no requests is unknown, not 0 %). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
