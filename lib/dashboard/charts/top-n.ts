// Ranked rows for bar charts and lists: the largest `limit` rows by a measure,
// and the rest merged into one "Other" row so the chart still adds up to the total.
import { sumUsd } from "./money-sum";

export interface RankedRow {
  id: string | null;
  label: string;
  costUsd: number;
  requests: number;
}

export interface RankedChartRow extends RankedRow {
  /** Stable React key and chart category; "other" for the merged row. */
  key: string;
  isOther: boolean;
}

export const OTHER_KEY = "__other__";

export function topWithOther<Row extends RankedRow>(
  rows: readonly Row[],
  limit: number,
  measure: "costUsd" | "requests" = "costUsd",
): RankedChartRow[] {
  const sorted = [...rows].sort(
    (left, right) => right[measure] - left[measure] || (measure === "costUsd" ? right.requests - left.requests : right.costUsd - left.costUsd),
  );
  const named = (sorted.length > limit ? sorted.slice(0, limit) : sorted).map((row) => ({
    id: row.id,
    label: row.label,
    costUsd: row.costUsd,
    requests: row.requests,
    key: row.id ?? `none:${row.label}`,
    isOther: false,
  }));
  if (sorted.length <= limit) return named;
  const rest = sorted.slice(limit);
  return [
    ...named,
    {
      id: null,
      label: `Other (${rest.length})`,
      costUsd: sumUsd(rest.map((row) => row.costUsd)),
      requests: rest.reduce((sum, row) => sum + row.requests, 0),
      key: OTHER_KEY,
      isOther: true,
    },
  ];
}
