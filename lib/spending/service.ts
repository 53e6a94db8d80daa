// GET /api/v1/spending: totals, a time series and a breakdown, all summed from
// the same UsageHourly rows in integer micro-USD and converted to USD only at
// the end, so the series, the breakdown and the total agree exactly.
import { ApiError } from "../api/errors";
import { db } from "../db";
import { microsToUsd } from "../money";
import { parseInstant } from "../usage/time-range";
import { visibleUsageFilter, type UsageViewer } from "../usage/viewer";
import { NONE_LABELS, resolveLabels } from "./labels";
import type { SpendingBreakdownRow, SpendingGroup, SpendingInterval, SpendingReport } from "./schemas";
import { bucketCount, bucketStart, bucketStarts, MAX_SERIES_POINTS } from "./series";
import { startOfUtcHour } from "./rollups";

export interface SpendingOptions {
  /** ISO instant or Date; default 30 days before `to`. Rollups are hourly, so it counts from the start of its hour. */
  from?: string | Date;
  /** ISO instant or Date, exclusive; default now. */
  to?: string | Date;
  groupBy?: SpendingGroup;
  interval?: SpendingInterval;
}

const DEFAULT_PERIOD_MS = 30 * 24 * 3_600_000;

const DIMENSION_COLUMN = {
  project: "projectId",
  member: "membershipId",
  key: "apiKeyId",
  provider: "providerSlug",
  model: "model",
} as const satisfies Record<SpendingGroup, string>;

interface Totals {
  costMicros: bigint;
  requests: number;
  errors: number;
  inputTokens: bigint;
  outputTokens: bigint;
  latencyMsSum: bigint;
}

const emptyTotals = (): Totals => ({ costMicros: 0n, requests: 0, errors: 0, inputTokens: 0n, outputTokens: 0n, latencyMsSum: 0n });

export async function getSpending(viewer: UsageViewer, options: SpendingOptions = {}): Promise<SpendingReport> {
  const groupBy = options.groupBy ?? "model";
  const interval = options.interval ?? "day";
  const to = toDate(options.to) ?? new Date();
  const from = toDate(options.from) ?? new Date(to.getTime() - DEFAULT_PERIOD_MS);
  checkPeriod(from, to, interval);

  const visible = visibleUsageFilter(viewer);
  const column = DIMENSION_COLUMN[groupBy];
  const groups = visible
    ? await db.usageHourly.groupBy({
        by: ["hour", column],
        where: { ...visible, hour: { gte: startOfUtcHour(from), lt: to } },
        _sum: { requests: true, errors: true, inputTokens: true, outputTokens: true, costMicros: true, latencyMsSum: true },
      })
    : [];

  const total = emptyTotals();
  const byBucket = new Map<number, Totals>();
  const byDimension = new Map<string, Totals>();
  for (const group of groups) {
    const sums: Totals = {
      costMicros: group._sum.costMicros ?? 0n,
      requests: group._sum.requests ?? 0,
      errors: group._sum.errors ?? 0,
      inputTokens: group._sum.inputTokens ?? 0n,
      outputTokens: group._sum.outputTokens ?? 0n,
      latencyMsSum: group._sum.latencyMsSum ?? 0n,
    };
    add(total, sums);
    add(entry(byBucket, bucketStart(group.hour, interval).getTime()), sums);
    add(entry(byDimension, (group as Record<string, unknown>)[column] as string), sums);
  }

  const series = bucketStarts(from, to, interval).map((start) => {
    const sums = byBucket.get(start.getTime()) ?? emptyTotals();
    return {
      t: start.toISOString(),
      costUsd: microsToUsd(sums.costMicros),
      requests: sums.requests,
      errors: sums.errors,
      inputTokens: Number(sums.inputTokens),
      outputTokens: Number(sums.outputTokens),
    };
  });

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    interval,
    groupBy,
    totalUsd: microsToUsd(total.costMicros),
    requests: total.requests,
    errors: total.errors,
    inputTokens: Number(total.inputTokens),
    outputTokens: Number(total.outputTokens),
    averageLatencyMs: total.requests > 0 ? Number(total.latencyMsSum) / total.requests : null,
    series,
    breakdown: await breakdownRows(viewer.organizationId, groupBy, byDimension),
  };
}

async function breakdownRows(organizationId: string, groupBy: SpendingGroup, byDimension: Map<string, Totals>): Promise<SpendingBreakdownRow[]> {
  const labels = await resolveLabels(
    organizationId,
    groupBy,
    [...byDimension.keys()].filter((id) => id !== ""),
  );
  return [...byDimension.entries()]
    .map(([id, sums]) => ({
      id: id === "" ? null : id,
      label: id === "" ? NONE_LABELS[groupBy] : (labels.get(id) ?? id),
      costMicros: sums.costMicros,
      requests: sums.requests,
    }))
    .sort((left, right) =>
      left.costMicros !== right.costMicros
        ? left.costMicros > right.costMicros
          ? -1
          : 1
        : right.requests - left.requests || left.label.localeCompare(right.label),
    )
    .map(({ costMicros, ...row }) => ({ ...row, costUsd: microsToUsd(costMicros) }));
}

function checkPeriod(from: Date, to: Date, interval: SpendingInterval): void {
  if (from >= to) {
    throw new ApiError("invalid_query", "Invalid query: from must be before to", [{ path: ["from"], message: "from must be before to", code: "custom" }]);
  }
  const points = bucketCount(from, to, interval);
  if (points > MAX_SERIES_POINTS) {
    const advice = interval === "hour" ? "choose a shorter period or interval=day" : "choose a shorter period";
    const message = `the period spans ${points} ${interval}s; at most ${MAX_SERIES_POINTS} per series — ${advice}`;
    throw new ApiError("invalid_query", `Invalid query: ${message}`, [{ path: ["from"], message, code: "custom" }]);
  }
}

function entry<Key>(map: Map<Key, Totals>, key: Key): Totals {
  let totals = map.get(key);
  if (!totals) map.set(key, (totals = emptyTotals()));
  return totals;
}

function add(target: Totals, sums: Totals): void {
  target.costMicros += sums.costMicros;
  target.requests += sums.requests;
  target.errors += sums.errors;
  target.inputTokens += sums.inputTokens;
  target.outputTokens += sums.outputTokens;
  target.latencyMsSum += sums.latencyMsSum;
}

function toDate(value: string | Date | undefined): Date | undefined {
  return value instanceof Date ? value : parseInstant(value);
}
