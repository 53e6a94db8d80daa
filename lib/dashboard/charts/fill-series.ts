// Time series for the charts: one point per UTC bucket of the period, in order,
// zero where nothing happened (the API already fills gaps; points may also come
// from elsewhere, so this never trusts it), with the derived values the charts plot.
import { bucketStart, bucketStarts } from "@/lib/spending/series";
import type { SpendingInterval } from "@/lib/spending/schemas";
import { sumUsd } from "./money-sum";

export interface SeriesPoint {
  t: string;
  costUsd: number;
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
}

export interface ChartPoint extends SeriesPoint {
  /** Bucket start in epoch milliseconds (the x value). */
  time: number;
  /** Requests that did not fail, so successes + errors stack to requests. */
  successes: number;
  tokens: number;
}

export interface SeriesRange {
  from: string | Date;
  to: string | Date;
  interval: SpendingInterval;
}

export function fillSeries(points: readonly SeriesPoint[], range: SeriesRange): ChartPoint[] {
  const from = new Date(range.from);
  const to = new Date(range.to);
  const byBucket = new Map<number, SeriesPoint[]>();
  for (const point of points) {
    const time = bucketStart(new Date(point.t), range.interval).getTime();
    if (time < bucketStart(from, range.interval).getTime() || time >= to.getTime()) continue;
    const list = byBucket.get(time);
    if (list) list.push(point);
    else byBucket.set(time, [point]);
  }
  return bucketStarts(from, to, range.interval).map((start) => {
    const inBucket = byBucket.get(start.getTime()) ?? [];
    const requests = total(inBucket, "requests");
    const errors = total(inBucket, "errors");
    const inputTokens = total(inBucket, "inputTokens");
    const outputTokens = total(inBucket, "outputTokens");
    return {
      t: start.toISOString(),
      time: start.getTime(),
      costUsd: sumUsd(inBucket.map((point) => point.costUsd)),
      requests,
      errors,
      successes: Math.max(requests - errors, 0),
      inputTokens,
      outputTokens,
      tokens: inputTokens + outputTokens,
    };
  });
}

function total(points: readonly SeriesPoint[], field: "requests" | "errors" | "inputTokens" | "outputTokens"): number {
  return points.reduce((sum, point) => sum + point[field], 0);
}

/** True when every point is zero: the chart shows an empty state instead of a flat line. */
export function isEmptySeries(points: readonly ChartPoint[]): boolean {
  return points.every((point) => point.requests === 0 && point.costUsd === 0);
}
