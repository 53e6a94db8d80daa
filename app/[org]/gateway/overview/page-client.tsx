"use client";
// Overview: the period's headline numbers, cost and requests over time, top
// models and providers, and the newest requests. One query per period; the
// previous answer stays on screen while the next period loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorBlock } from "@/components/charts/panel-states";
import { PeriodSelector } from "@/components/charts/period-selector";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { OVERVIEW_PERIODS, PERIOD_DEFINITIONS, type OverviewPeriod } from "@/lib/dashboard/charts/periods";
import type { OverviewReport } from "@/lib/overview/schemas";
import { OverviewCharts } from "./overview-charts";
import { OverviewEmpty } from "./overview-empty";
import { OverviewStats } from "./overview-stats";
import { RecentRequests } from "./recent-requests";
import { TopModels, TopProviders } from "./top-lists";

const REFRESH_MS = 30_000;

export function OverviewPageClient({ initialPeriod }: { initialPeriod: OverviewPeriod }) {
  const { slug } = useOrganization();
  const [period, setPeriod] = useState(initialPeriod);
  const overview = useQuery({
    queryKey: ["overview", slug, period],
    queryFn: ({ signal }) => apiFetch<OverviewReport>(slug, `overview?period=${period}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });

  const changePeriod = (next: OverviewPeriod) => {
    setPeriod(next);
    // Keep the choice in the URL (shareable, survives a reload) without a server round trip.
    const url = new URL(window.location.href);
    url.searchParams.set("period", next);
    window.history.replaceState(null, "", url);
  };

  const data = overview.data;
  const neverUsed = data?.lastRequestAt === null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold tracking-tight">Overview</h2>
          <p className="text-sm text-muted">Traffic through the gateway in the {PERIOD_DEFINITIONS[period].long}.</p>
        </div>
        {!neverUsed && <PeriodSelector value={period} options={OVERVIEW_PERIODS} onChange={changePeriod} />}
      </div>

      {overview.isError && !data ? (
        <ErrorBlock error={overview.error} onRetry={() => void overview.refetch()} height={240} />
      ) : neverUsed ? (
        <OverviewEmpty organizationSlug={slug} />
      ) : (
        <div className={`space-y-6 transition-opacity ${overview.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={overview.isFetching}>
          <OverviewStats data={data} />
          <OverviewCharts data={data} />
          <div className="grid gap-6 lg:grid-cols-5">
            <TopModels data={data} className="lg:col-span-3" />
            <TopProviders data={data} className="lg:col-span-2" />
          </div>
          <RecentRequests organizationSlug={slug} period={period} refreshMs={REFRESH_MS} />
        </div>
      )}
    </div>
  );
}
