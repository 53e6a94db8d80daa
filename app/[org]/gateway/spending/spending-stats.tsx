// The period's totals above the Spending charts.
import { StatCard } from "@/components/charts/stat-card";
import { formatMoney } from "@/components/format/money";
import { formatCount, formatPercent, formatTokens } from "@/components/format/numbers";
import { ratio } from "@/lib/dashboard/charts/shares";
import type { SpendingReport } from "@/lib/spending/schemas";

export function SpendingStats({ data }: { data: SpendingReport | undefined }) {
  const loading = !data;
  const days = data ? Math.max((Date.parse(data.to) - Date.parse(data.from)) / 86_400_000, 1 / 24) : 1;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatCard
        label="Total spend"
        loading={loading}
        value={formatMoney(data?.totalUsd)}
        detail={data && days >= 2 ? `${formatMoney(data.totalUsd / days)} / day on average` : undefined}
      />
      <StatCard
        label="Requests"
        loading={loading}
        value={formatCount(data?.requests)}
        detail={data ? `${formatPercent(ratio(data.errors, data.requests))} errors` : undefined}
      />
      <StatCard
        label="Tokens"
        loading={loading}
        value={formatTokens(data ? data.inputTokens + data.outputTokens : null)}
        detail={data ? `${formatTokens(data.inputTokens)} in · ${formatTokens(data.outputTokens)} out` : undefined}
      />
      <StatCard
        label="Average cost"
        loading={loading}
        value={data && data.requests > 0 ? formatMoney(data.totalUsd / data.requests) : "—"}
        detail="per request"
      />
    </div>
  );
}
