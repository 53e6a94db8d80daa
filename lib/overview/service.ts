// GET /api/v1/overview: one period's totals, series and top models and
// providers from the hourly rollups (money summed in integer micro-USD), plus
// latency percentiles read from the request log by rank, in the database.
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { microsToUsd } from "../money";
import { periodRange, previousRange, type OverviewPeriod } from "../dashboard/charts/periods";
import { NONE_LABELS } from "../spending/labels";
import { bucketStart, bucketStarts } from "../spending/series";
import { visibleUsageFilter, type UsageViewer } from "../usage/viewer";
import { nearestRankIndex } from "./percentile";
import type { OverviewRankedRow, OverviewReport } from "./schemas";

interface Sums {
  requests: number;
  errors: number;
  costMicros: bigint;
  inputTokens: bigint;
  outputTokens: bigint;
}

const emptySums = (): Sums => ({ requests: 0, errors: 0, costMicros: 0n, inputTokens: 0n, outputTokens: 0n });

export async function getOverview(viewer: UsageViewer, options: { period?: OverviewPeriod; now?: Date } = {}): Promise<OverviewReport> {
  const period = options.period ?? "24h";
  const range = periodRange(period, options.now ?? new Date());
  const previous = previousRange(range);
  const visible = visibleUsageFilter(viewer);

  const [groups, previousSums, latency, last] = visible
    ? await Promise.all([
        db.usageHourly.groupBy({
          by: ["hour", "providerSlug", "model"],
          where: { ...visible, hour: { gte: range.from, lt: range.to } },
          _sum: { requests: true, errors: true, costMicros: true, inputTokens: true, outputTokens: true },
        }),
        db.usageHourly.aggregate({
          where: { ...visible, hour: { gte: previous.from, lt: previous.to } },
          _sum: { requests: true, errors: true, costMicros: true, inputTokens: true, outputTokens: true },
        }),
        latencyPercentiles({ ...visible, time: { gte: range.from, lt: range.to }, attempts: { gt: 0 } }),
        db.usageRecord.findFirst({ where: visible, orderBy: { time: "desc" }, select: { time: true } }),
      ])
    : [[], null, { p50Ms: null, p95Ms: null, averageMs: null, sampleSize: 0 }, null];

  const total = emptySums();
  const byBucket = new Map<number, Sums>();
  const byModel = new Map<string, Sums>();
  const byProvider = new Map<string, Sums>();
  for (const group of groups) {
    const sums: Sums = {
      requests: group._sum.requests ?? 0,
      errors: group._sum.errors ?? 0,
      costMicros: group._sum.costMicros ?? 0n,
      inputTokens: group._sum.inputTokens ?? 0n,
      outputTokens: group._sum.outputTokens ?? 0n,
    };
    add(total, sums);
    add(entry(byBucket, bucketStart(group.hour, range.interval).getTime()), sums);
    add(entry(byModel, group.model), sums);
    add(entry(byProvider, group.providerSlug), sums);
  }

  return {
    period,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    interval: range.interval,
    totals: { ...toTotals(total), errorRate: total.requests > 0 ? total.errors / total.requests : null },
    previous: toTotals(previousSums ? sumsOf(previousSums._sum) : emptySums()),
    latency,
    series: bucketStarts(range.from, range.to, range.interval).map((start) => ({
      t: start.toISOString(),
      ...toTotals(byBucket.get(start.getTime()) ?? emptySums()),
    })),
    topModels: ranked(byModel, NONE_LABELS.model),
    topProviders: ranked(byProvider, NONE_LABELS.provider),
    lastRequestAt: last?.time.toISOString() ?? null,
  };
}

/** p50 and p95 of latencyMs over the matching records: one count, then the row at each rank. */
async function latencyPercentiles(where: Prisma.UsageRecordWhereInput): Promise<OverviewReport["latency"]> {
  const aggregate = await db.usageRecord.aggregate({ where, _count: { _all: true }, _avg: { latencyMs: true } });
  const count = aggregate._count._all;
  const at = async (percentile: number) => {
    const index = nearestRankIndex(count, percentile);
    if (index === null) return null;
    const row = await db.usageRecord.findFirst({ where, orderBy: [{ latencyMs: "asc" }, { id: "asc" }], skip: index, select: { latencyMs: true } });
    return row?.latencyMs ?? null;
  };
  const [p50Ms, p95Ms] = await Promise.all([at(50), at(95)]);
  return { p50Ms, p95Ms, averageMs: aggregate._avg.latencyMs ?? null, sampleSize: count };
}

function ranked(map: Map<string, Sums>, noneLabel: string): OverviewRankedRow[] {
  return [...map.entries()]
    .map(([id, sums]) => ({ id: id === "" ? null : id, label: id === "" ? noneLabel : id, ...toTotals(sums) }))
    .sort((left, right) => right.requests - left.requests || right.costUsd - left.costUsd || left.label.localeCompare(right.label));
}

function toTotals(sums: Sums) {
  return {
    requests: sums.requests,
    errors: sums.errors,
    costUsd: microsToUsd(sums.costMicros),
    inputTokens: Number(sums.inputTokens),
    outputTokens: Number(sums.outputTokens),
  };
}

function sumsOf(sum: { requests: number | null; errors: number | null; costMicros: bigint | null; inputTokens: bigint | null; outputTokens: bigint | null }): Sums {
  return {
    requests: sum.requests ?? 0,
    errors: sum.errors ?? 0,
    costMicros: sum.costMicros ?? 0n,
    inputTokens: sum.inputTokens ?? 0n,
    outputTokens: sum.outputTokens ?? 0n,
  };
}

function entry<Key>(map: Map<Key, Sums>, key: Key): Sums {
  let sums = map.get(key);
  if (!sums) map.set(key, (sums = emptySums()));
  return sums;
}

function add(target: Sums, sums: Sums): void {
  target.requests += sums.requests;
  target.errors += sums.errors;
  target.costMicros += sums.costMicros;
  target.inputTokens += sums.inputTokens;
  target.outputTokens += sums.outputTokens;
}
