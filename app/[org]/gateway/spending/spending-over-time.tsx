"use client";
// Spend (or requests, or tokens) per UTC hour or day over the period.
import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Panel } from "@/components/charts/panel";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/charts/panel-states";
import { SegmentedControl } from "@/components/charts/segmented-control";
import { TimeSeriesChart, type TimeSeriesMetric } from "@/components/charts/time-series-chart";
import { fillSeries, isEmptySeries } from "@/lib/dashboard/charts/fill-series";
import type { SpendingReport } from "@/lib/spending/schemas";

const HEIGHT = 260;
const METRICS = [
  { value: "cost", label: "Cost" },
  { value: "requests", label: "Requests" },
  { value: "tokens", label: "Tokens" },
] as const;

export function SpendingOverTime({ query }: { query: UseQueryResult<SpendingReport> }) {
  const [metric, setMetric] = useState<TimeSeriesMetric>("cost");
  const data = query.data;
  const points = useMemo(() => (data ? fillSeries(data.series, data) : []), [data]);
  return (
    <Panel
      title="Over time"
      description={data?.interval === "hour" ? "Per UTC hour" : "Per UTC day"}
      actions={<SegmentedControl label="Chart metric" value={metric} options={METRICS} onChange={setMetric} />}
    >
      {!data ? (
        query.isError ? (
          <ErrorBlock error={query.error} onRetry={() => void query.refetch()} height={HEIGHT} />
        ) : (
          <LoadingBlock height={HEIGHT} />
        )
      ) : isEmptySeries(points) ? (
        <EmptyBlock title="No spending in this period" height={HEIGHT}>
          Requests through the gateway show up here with their cost.
        </EmptyBlock>
      ) : (
        <TimeSeriesChart data={points} interval={data.interval} metric={metric} height={HEIGHT} label={`${metric} over time`} />
      )}
    </Panel>
  );
}
