// GET /api/v1/spending/export: the reconciliation export a finance team holds
// against a provider's invoice. One CSV row per UTC day × provider × model with
// the request count, every token class an invoice lists apart and the exact cost,
// summed from the hourly rollups in integer micro-USD (the same numbers as the
// Spending page).
import { ApiError } from "../api/errors";
import { csvField } from "../dashboard/charts/breakdown-csv";
import { db } from "../db";
import { microsToDecimalText } from "../money";
import { parseInstant } from "../usage/time-range";
import { visibleUsageFilter, type UsageViewer } from "../usage/viewer";
import { startOfUtcHour, type RollupIncrement } from "./rollups";

const DEFAULT_PERIOD_MS = 30 * 24 * 3_600_000;
const MAX_PERIOD_DAYS = 400;

export const EXPORT_COLUMNS = [
  "date",
  "provider",
  "model",
  "requests",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_tokens",
  "reasoning_tokens",
  "cost_usd",
] as const;

type TokenSums = Pick<RollupIncrement, "inputTokens" | "outputTokens" | "cacheReadTokens" | "cacheWriteTokens" | "reasoningTokens" | "costMicros">;

interface DayTotals extends TokenSums {
  date: string;
  provider: string;
  model: string;
  requests: number;
}

export interface SpendingExport {
  from: Date;
  to: Date;
  csv: string;
}

export async function exportSpending(viewer: UsageViewer, options: { from?: string; to?: string }): Promise<SpendingExport> {
  const to = parseInstant(options.to) ?? new Date();
  const from = parseInstant(options.from) ?? new Date(to.getTime() - DEFAULT_PERIOD_MS);
  checkPeriod(from, to);
  const visible = visibleUsageFilter(viewer);
  const groups = visible
    ? await db.usageHourly.groupBy({
        by: ["hour", "providerSlug", "model"],
        where: { ...visible, hour: { gte: startOfUtcHour(from), lt: to } },
        _sum: { requests: true, inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWriteTokens: true, reasoningTokens: true, costMicros: true },
      })
    : [];
  const days = new Map<string, DayTotals>();
  for (const group of groups) {
    const date = group.hour.toISOString().slice(0, 10);
    const id = `${date}\u0000${group.providerSlug}\u0000${group.model}`;
    let day = days.get(id);
    if (!day) {
      day = { date, provider: group.providerSlug, model: group.model, requests: 0, inputTokens: 0n, outputTokens: 0n, cacheReadTokens: 0n, cacheWriteTokens: 0n, reasoningTokens: 0n, costMicros: 0n };
      days.set(id, day);
    }
    day.requests += group._sum.requests ?? 0;
    day.inputTokens += group._sum.inputTokens ?? 0n;
    day.outputTokens += group._sum.outputTokens ?? 0n;
    day.cacheReadTokens += group._sum.cacheReadTokens ?? 0n;
    day.cacheWriteTokens += group._sum.cacheWriteTokens ?? 0n;
    day.reasoningTokens += group._sum.reasoningTokens ?? 0n;
    day.costMicros += group._sum.costMicros ?? 0n;
  }
  const rows = [...days.values()].sort(
    (left, right) => left.date.localeCompare(right.date) || left.provider.localeCompare(right.provider) || left.model.localeCompare(right.model),
  );
  return { from, to, csv: toCsv(rows) };
}

function toCsv(rows: DayTotals[]): string {
  const lines = [EXPORT_COLUMNS.join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.date,
        csvField(row.provider),
        csvField(row.model),
        String(row.requests),
        String(row.inputTokens),
        String(row.outputTokens),
        String(row.cacheReadTokens),
        String(row.cacheWriteTokens),
        String(row.reasoningTokens),
        microsToDecimalText(row.costMicros),
      ].join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

function checkPeriod(from: Date, to: Date): void {
  const invalid = (message: string) => new ApiError("invalid_query", `Invalid query: ${message}`, [{ path: ["from"], message, code: "custom" }]);
  if (from >= to) throw invalid("from must be before to");
  const days = Math.ceil((to.getTime() - from.getTime()) / 86_400_000);
  if (days > MAX_PERIOD_DAYS) throw invalid(`the period spans ${days} days; at most ${MAX_PERIOD_DAYS} per export — choose a shorter period`);
}

/** e.g. gateway-usage-2026-03-01-to-2026-03-31.csv (UTC dates; `to` is exclusive, so its day is the one before). */
export function exportFilename(from: Date, to: Date): string {
  const lastDay = new Date(to.getTime() - 1).toISOString().slice(0, 10);
  return `gateway-usage-${from.toISOString().slice(0, 10)}-to-${lastDay}.csv`;
}
