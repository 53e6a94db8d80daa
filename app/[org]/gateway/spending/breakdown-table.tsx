// The complete breakdown: every row with its requests, cost and share, and the total.
import { useMemo } from "react";
import { Meter } from "@/components/charts/meter";
import { formatMoney } from "@/components/format/money";
import { formatCount, formatPercent } from "@/components/format/numbers";
import { withShares } from "@/lib/dashboard/charts/shares";
import type { SpendingBreakdownRow } from "@/lib/spending/schemas";

interface BreakdownTableProps {
  rows: SpendingBreakdownRow[];
  groupLabel: string;
  totalUsd: number;
  totalRequests: number;
}

export function BreakdownTable({ rows, groupLabel, totalUsd, totalRequests }: BreakdownTableProps) {
  const shared = useMemo(() => withShares(rows, (row) => row.costUsd), [rows]);
  return (
    <div className="max-h-96 overflow-y-auto">
      <table className="w-full table-fixed text-sm">
        <caption className="sr-only">Spend by {groupLabel.toLowerCase()}</caption>
        <thead className="sticky top-0 bg-surface">
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="py-2 pr-3 font-medium">{groupLabel}</th>
            <th scope="col" className="w-24 py-2 pr-3 text-right font-medium">Requests</th>
            <th scope="col" className="w-28 py-2 pr-3 text-right font-medium">Cost</th>
            <th scope="col" className="w-36 py-2 font-medium">Share</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {shared.map((row) => (
            <tr key={row.id ?? `none:${row.label}`}>
              <td className="py-2 pr-3">
                <span className={`block truncate ${row.id === null ? "text-muted italic" : ""}`} title={row.label}>
                  {row.label}
                </span>
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatCount(row.requests)}</td>
              <td className="py-2 pr-3 text-right font-medium tabular-nums">{formatMoney(row.costUsd)}</td>
              <td className="py-2">
                <div className="flex items-center gap-2">
                  <Meter value={row.share} label={`${row.label}: share of spend`} className="flex-1" />
                  <span className="w-11 text-right text-xs text-muted tabular-nums">{formatPercent(row.share)}</span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="sticky bottom-0 bg-surface">
          <tr className="font-medium shadow-[0_-1px_0_var(--border-strong)]">
            <th scope="row" className="py-2 pr-3 text-left">Total</th>
            <td className="py-2 pr-3 text-right tabular-nums">{formatCount(totalRequests)}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(totalUsd)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
