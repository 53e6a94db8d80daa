// The headline numbers of the period, each compared with the period before.
import { StatCard } from "@/components/charts/stat-card";
import { formatDuration } from "@/components/format/duration";
import { formatMoney } from "@/components/format/money";
import { formatCount, formatPercent, formatTokens } from "@/components/format/numbers";
import { ratio, relativeChange } from "@/lib/dashboard/charts/shares";
import type { OverviewReport } from "@/lib/overview/schemas";

export function OverviewStats({ data }: { data: OverviewReport | undefined }) {
  const loading = !data;
  const totals = data?.totals;
  const previous = data?.previous;
  const tokens = totals ? totals.inputTokens + totals.outputTokens : 0;
  const previousTokens = previous ? previous.inputTokens + previous.outputTokens : 0;
  const previousErrorRate = previous ? ratio(previous.errors, previous.requests) : null;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      <StatCard
        label="Requests"
        loading={loading}
        value={formatCount(totals?.requests)}
        change={totals && previous ? relativeChange(totals.requests, previous.requests) : null}
        rising="good"
        detail={previous ? `${formatCount(previous.requests)} the period before` : undefined}
      />
      <StatCard
        label="Cost"
        loading={loading}
        value={formatMoney(totals?.costUsd)}
        change={totals && previous ? relativeChange(totals.costUsd, previous.costUsd) : null}
        detail={totals && totals.requests > 0 ? `${formatMoney(totals.costUsd / totals.requests)} / request` : undefined}
      />
      <StatCard
        label="Tokens"
        loading={loading}
        value={formatTokens(tokens)}
        change={relativeChange(tokens, previousTokens)}
        detail={totals ? `${formatTokens(totals.inputTokens)} in · ${formatTokens(totals.outputTokens)} out` : undefined}
      />
      <StatCard
        label="Error rate"
        loading={loading}
        value={formatPercent(totals?.errorRate)}
        change={totals?.errorRate != null && previousErrorRate ? relativeChange(totals.errorRate, previousErrorRate) : null}
        rising="bad"
        detail={totals ? `${formatCount(totals.errors)} ${totals.errors === 1 ? "error" : "errors"}` : undefined}
      />
      <StatCard
        label="Latency p50"
        loading={loading}
        value={formatDuration(data?.latency.p50Ms)}
        detail={data?.latency.averageMs != null ? `avg ${formatDuration(data.latency.averageMs)}` : "no forwarded requests"}
      />
      <StatCard
        label="Latency p95"
        loading={loading}
        value={formatDuration(data?.latency.p95Ms)}
        detail={data ? `over ${formatCount(data.latency.sampleSize)} ${data.latency.sampleSize === 1 ? "request" : "requests"}` : undefined}
      />
    </div>
  );
}
