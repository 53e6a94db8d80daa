"use client";
// Spending: totals and spend over time, the breakdown by project, member, key,
// provider or model (with CSV export), member limits, and the prepaid balance.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PeriodSelector } from "@/components/charts/period-selector";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { PERIOD_DEFINITIONS, periodRange, SPENDING_PERIODS, type DashboardPeriod } from "@/lib/dashboard/charts/periods";
import type { SpendingGroup, SpendingReport } from "@/lib/spending/schemas";
import { BalancePanel } from "./balance-panel";
import { BreakdownPanel } from "./breakdown-panel";
import { LedgerPanel } from "./ledger-panel";
import { MemberLimitsPanel } from "./member-limits-panel";
import { SpendingOverTime } from "./spending-over-time";
import { SpendingStats } from "./spending-stats";

interface SpendingPageClientProps {
  initialPeriod: DashboardPeriod;
  initialGroupBy: SpendingGroup;
}

export function SpendingPageClient({ initialPeriod, initialGroupBy }: SpendingPageClientProps) {
  const { slug } = useOrganization();
  const [period, setPeriod] = useState(initialPeriod);
  const [groupBy, setGroupBy] = useState(initialGroupBy);
  const spending = useQuery({
    queryKey: ["spending", slug, period, groupBy],
    queryFn: ({ signal }) => {
      const range = periodRange(period);
      const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), interval: range.interval, groupBy });
      return apiFetch<SpendingReport>(slug, `spending?${query}`, { signal });
    },
    placeholderData: keepPreviousData,
  });

  const choose = <Value extends string>(name: string, value: Value, set: (value: Value) => void) => {
    set(value);
    // Keep the choice in the URL (shareable, survives a reload) without a server round trip.
    const url = new URL(window.location.href);
    url.searchParams.set(name, value);
    window.history.replaceState(null, "", url);
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold tracking-tight">Spending</h2>
          <p className="text-sm text-muted">Cost of requests through the gateway in the {PERIOD_DEFINITIONS[period].long}, limits and balance.</p>
        </div>
        <PeriodSelector value={period} options={SPENDING_PERIODS} onChange={(next) => choose("period", next, setPeriod)} />
      </div>
      <div className={`space-y-6 transition-opacity ${spending.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={spending.isFetching}>
        <SpendingStats data={spending.data} />
        <SpendingOverTime query={spending} />
        <BreakdownPanel query={spending} groupBy={groupBy} onGroupByChange={(next) => choose("groupBy", next, setGroupBy)} />
      </div>
      <MemberLimitsPanel organizationSlug={slug} />
      <div className="grid gap-6 lg:grid-cols-5">
        <BalancePanel organizationSlug={slug} className="lg:col-span-2" />
        <LedgerPanel organizationSlug={slug} className="lg:col-span-3" />
      </div>
    </div>
  );
}
