"use client";
// Cost and requests over the period, one bar per UTC hour or day.
import { useMemo } from "react";
import { Panel } from "@/components/charts/panel";
import { EmptyBlock, LoadingBlock } from "@/components/charts/panel-states";
import { seriesLegend, TimeSeriesChart, type TimeSeriesMetric } from "@/components/charts/time-series-chart";
import { formatMoney } from "@/components/format/money";
import { formatCount } from "@/components/format/numbers";
import { formatRelativeTime } from "@/components/format/time";
import { fillSeries, isEmptySeries } from "@/lib/dashboard/charts/fill-series";
import { PERIOD_DEFINITIONS } from "@/lib/dashboard/charts/periods";
import type { OverviewReport } from "@/lib/overview/schemas";

const HEIGHT = 220;

export function OverviewCharts({ data }: { data: OverviewReport | undefined }) {
  const points = useMemo(() => (data ? fillSeries(data.series, data) : []), [data]);
  const empty = data !== undefined && isEmptySeries(points);
  const per = data?.interval === "day" ? "Per UTC day" : "Per UTC hour";

  const body = (metric: TimeSeriesMetric, label: string) => {
    if (!data) return <LoadingBlock height={HEIGHT} />;
    if (empty) {
      return (
        <EmptyBlock title={`No requests in the ${PERIOD_DEFINITIONS[data.period].long}`} height={HEIGHT}>
          {data.lastRequestAt && <>The last one arrived {formatRelativeTime(data.lastRequestAt)}; choose a longer period to see it.</>}
        </EmptyBlock>
      );
    }
    return <TimeSeriesChart data={points} interval={data.interval} metric={metric} height={HEIGHT} label={label} />;
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Panel title="Cost" description={data ? `${formatMoney(data.totals.costUsd)} in total · ${per}` : per}>
        {body("cost", "Cost over time")}
      </Panel>
      <Panel
        title="Requests"
        description={data ? `${formatCount(data.totals.requests)} in total · ${per}` : per}
        actions={<Legend metric="requests" />}
      >
        {body("requests", "Requests and errors over time")}
      </Panel>
    </div>
  );
}

function Legend({ metric }: { metric: TimeSeriesMetric }) {
  return (
    <ul className="flex items-center gap-3 text-xs text-muted">
      {seriesLegend(metric).map((entry) => (
        <li key={entry.label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2 rounded-sm" style={{ backgroundColor: entry.color }} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
