"use client";
// Top models (bar chart with a table legend) and top providers (share bars).
import { useMemo } from "react";
import { Meter } from "@/components/charts/meter";
import { categoryColor } from "@/components/charts/palette";
import { Panel } from "@/components/charts/panel";
import { EmptyBlock, LoadingBlock } from "@/components/charts/panel-states";
import { RankedBarChart } from "@/components/charts/ranked-bar-chart";
import { formatMoney } from "@/components/format/money";
import { formatCount, formatPercent } from "@/components/format/numbers";
import { withShares } from "@/lib/dashboard/charts/shares";
import { topWithOther } from "@/lib/dashboard/charts/top-n";
import type { OverviewReport } from "@/lib/overview/schemas";

const TOP_MODELS = 6;
const TOP_PROVIDERS = 6;

export function TopModels({ data, className }: { data: OverviewReport | undefined; className?: string }) {
  const rows = useMemo(() => withShares(topWithOther(data?.topModels ?? [], TOP_MODELS, "requests"), (row) => row.requests), [data]);
  return (
    <Panel title="Top models" description="By requests in the period" className={className}>
      {!data ? (
        <LoadingBlock height={200} />
      ) : rows.length === 0 ? (
        <EmptyBlock title="No models used in this period" height={200} />
      ) : (
        <div className="space-y-4">
          <RankedBarChart rows={rows} measure="requests" label="Requests per model" />
          <table className="w-full table-fixed text-sm">
            <caption className="sr-only">Requests and cost per model</caption>
            <thead>
              <tr className="text-left text-xs text-muted">
                <th scope="col" className="pb-1.5 font-medium">Model</th>
                <th scope="col" className="w-20 pb-1.5 text-right font-medium">Requests</th>
                <th scope="col" className="w-16 pb-1.5 text-right font-medium">Share</th>
                <th scope="col" className="w-24 pb-1.5 text-right font-medium">Cost</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {rows.map((row, index) => (
                <tr key={row.key}>
                  <td className="py-1.5 pr-3">
                    <span className="flex min-w-0 items-center gap-2">
                      <span aria-hidden="true" className="size-2 shrink-0 rounded-sm" style={{ backgroundColor: categoryColor(index, row.isOther) }} />
                      <span className={`truncate ${row.isOther || row.id === null ? "text-muted" : "font-mono text-xs"}`} title={row.label}>
                        {row.label}
                      </span>
                    </span>
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{formatCount(row.requests)}</td>
                  <td className="py-1.5 text-right text-muted tabular-nums">{formatPercent(row.share)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatMoney(row.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

export function TopProviders({ data, className }: { data: OverviewReport | undefined; className?: string }) {
  const rows = useMemo(() => withShares(topWithOther(data?.topProviders ?? [], TOP_PROVIDERS, "requests"), (row) => row.requests), [data]);
  const errorsById = new Map((data?.topProviders ?? []).map((row) => [row.id, row.errors]));
  return (
    <Panel title="Top providers" description="By requests in the period" className={className}>
      {!data ? (
        <LoadingBlock height={200} />
      ) : rows.length === 0 ? (
        <EmptyBlock title="No providers used in this period" height={200} />
      ) : (
        <ul className="space-y-4">
          {rows.map((row, index) => {
            const errors = row.isOther ? null : (errorsById.get(row.id) ?? 0);
            return (
              <li key={row.key}>
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span className={`truncate ${row.isOther || row.id === null ? "text-muted" : "font-medium"}`} title={row.label}>
                    {row.label}
                  </span>
                  <span className="shrink-0 tabular-nums">
                    {formatCount(row.requests)} <span className="text-muted">· {formatPercent(row.share)}</span>
                  </span>
                </div>
                <Meter value={row.share} label={`${row.label}: share of requests`} color={categoryColor(index, row.isOther)} className="mt-1.5" />
                <div className="mt-1 flex justify-between text-xs text-muted tabular-nums">
                  <span>{formatMoney(row.costUsd)}</span>
                  {errors !== null && (
                    <span className={errors > 0 ? "text-danger" : undefined}>
                      {formatPercent(row.requests > 0 ? errors / row.requests : 0)} errors
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
