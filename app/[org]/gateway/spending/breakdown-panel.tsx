"use client";
// Spend broken down by project, member, key, provider or model: a bar chart of
// the largest rows and the complete table, exportable as CSV.
import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { Panel } from "@/components/charts/panel";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/charts/panel-states";
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { SegmentedControl } from "@/components/charts/segmented-control";
import { Button } from "@/components/ui/button";
import { breakdownCsvFilename, breakdownToCsv } from "@/lib/dashboard/charts/breakdown-csv";
import { topWithOther } from "@/lib/dashboard/charts/top-n";
import type { SpendingGroup, SpendingReport } from "@/lib/spending/schemas";
import { BreakdownTable } from "./breakdown-table";
import { downloadTextFile } from "@/lib/dashboard/download-file";

const GROUPS: ReadonlyArray<{ value: SpendingGroup; label: string }> = [
  { value: "project", label: "Project" },
  { value: "member", label: "Member" },
  { value: "key", label: "Key" },
  { value: "provider", label: "Provider" },
  { value: "model", label: "Model" },
];

const CHART_ROWS = 7;

interface BreakdownPanelProps {
  query: UseQueryResult<SpendingReport>;
  groupBy: SpendingGroup;
  onGroupByChange: (groupBy: SpendingGroup) => void;
}

export function BreakdownPanel({ query, groupBy, onGroupByChange }: BreakdownPanelProps) {
  const data = query.data;
  // While the next grouping loads, the previous answer is still shown: label it by what it is.
  const shownGroup = data?.groupBy ?? groupBy;
  const chartRows = useMemo(() => topWithOther(data?.breakdown ?? [], CHART_ROWS, "costUsd"), [data]);
  const groupLabel = GROUPS.find((group) => group.value === shownGroup)?.label ?? shownGroup;

  const exportCsv = () => {
    if (!data) return;
    downloadTextFile(breakdownCsvFilename(data.groupBy, data.from, data.to), breakdownToCsv(data.breakdown, data.groupBy));
  };

  return (
    <Panel
      title="Breakdown"
      description={`Spend by ${groupLabel.toLowerCase()} in the period`}
      actions={
        <>
          <SegmentedControl label="Group by" value={groupBy} options={GROUPS} onChange={onGroupByChange} />
          <Button variant="secondary" onClick={exportCsv} disabled={!data || data.breakdown.length === 0} className="h-8 px-3 text-xs">
            <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
              <path d="M8 2v8m0 0L5 7m3 3 3-3M3 12.5h10" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            Export CSV
          </Button>
        </>
      }
    >
      {!data ? (
        query.isError ? (
          <ErrorBlock error={query.error} onRetry={() => void query.refetch()} height={220} />
        ) : (
          <LoadingBlock height={220} />
        )
      ) : data.breakdown.length === 0 ? (
        <EmptyBlock title="Nothing to break down yet" height={180}>
          No requests in this period.
        </EmptyBlock>
      ) : (
        <div className="grid gap-6 lg:grid-cols-5">
          <div className="lg:col-span-2">
            <RankedBarChart rows={chartRows} measure="costUsd" label={`Spend by ${groupLabel.toLowerCase()}`} labelWidth={150} />
          </div>
          <div className="lg:col-span-3">
            <BreakdownTable rows={data.breakdown} groupLabel={groupLabel} totalUsd={data.totalUsd} totalRequests={data.requests} />
          </div>
        </div>
      )}
    </Panel>
  );
}
