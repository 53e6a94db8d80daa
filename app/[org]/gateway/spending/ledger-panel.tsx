"use client";
// The balance's ledger, newest first: credits, adjustments, auto-recharges and usage.
import { useQuery } from "@tanstack/react-query";
import { Panel } from "@/components/charts/panel";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/charts/panel-states";
import { formatMoney } from "@/components/format/money";
import { formatRelativeTime, formatUtcDateTime } from "@/components/format/time";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { ledgerQueryKey, type LedgerEntry } from "./balance-types";

const LIMIT = 25;

const KIND_LABELS: Record<LedgerEntry["kind"], string> = {
  credit: "Credit",
  adjustment: "Adjustment",
  auto_recharge: "Auto-recharge",
  usage: "Usage",
};

const KIND_CLASSES: Record<LedgerEntry["kind"], string> = {
  credit: "bg-emerald-500/10 text-success ring-emerald-500/25",
  auto_recharge: "bg-sky-500/10 text-sky-700 ring-sky-500/25 dark:text-sky-300",
  adjustment: "bg-amber-500/10 text-warning ring-amber-500/25",
  usage: "bg-surface-muted text-muted ring-border",
};

export function LedgerPanel({ organizationSlug, className }: { organizationSlug: string; className?: string }) {
  const ledger = useQuery({
    queryKey: ledgerQueryKey(organizationSlug),
    queryFn: ({ signal }) => apiFetch<LedgerEntry[]>(organizationSlug, `balance/ledger?limit=${LIMIT}`, { signal }),
  });
  return (
    <Panel title="Ledger" description={`The newest ${LIMIT} movements of the balance`} className={className} bodyClassName="px-0 pb-2">
      {ledger.isPending ? (
        <div className="px-5 pb-3">
          <LoadingBlock height={240} />
        </div>
      ) : ledger.isError ? (
        <div className="px-5 pb-3">
          <ErrorBlock error={ledger.error} onRetry={() => void ledger.refetch()} />
        </div>
      ) : ledger.data.length === 0 ? (
        <div className="px-5 pb-3">
          <EmptyBlock title="No balance movements yet">Credits you add and auto-recharges appear here.</EmptyBlock>
        </div>
      ) : (
        <div className="max-h-[28rem] overflow-y-auto">
          <table className="w-full table-fixed text-sm">
            <caption className="sr-only">Balance ledger</caption>
            <thead className="sticky top-0 bg-surface">
              <tr className="border-b border-border text-left text-xs text-muted">
                <th scope="col" className="w-28 py-2 pr-3 pl-5 font-medium">When</th>
                <th scope="col" className="px-3 py-2 font-medium">Entry</th>
                <th scope="col" className="w-28 px-3 py-2 text-right font-medium">Amount</th>
                <th scope="col" className="w-32 py-2 pr-5 pl-3 text-right font-medium">Balance after</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {ledger.data.map((entry) => (
                <tr key={entry.id}>
                  <td className="py-2 pr-3 pl-5 whitespace-nowrap text-muted" title={formatUtcDateTime(entry.createdAt)}>
                    <time dateTime={entry.createdAt}>{formatRelativeTime(entry.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2">
                    <span className="flex min-w-0 items-center gap-2">
                      <span className={`inline-flex h-5 shrink-0 items-center rounded px-1.5 text-xs font-medium ring-1 ring-inset ${KIND_CLASSES[entry.kind]}`}>
                        {KIND_LABELS[entry.kind]}
                      </span>
                      {entry.note && (
                        <span className="truncate text-xs text-muted" title={entry.note}>
                          {entry.note}
                        </span>
                      )}
                    </span>
                  </td>
                  <td className={`px-3 py-2 text-right font-medium whitespace-nowrap tabular-nums ${entry.amountUsd > 0 ? "text-success" : ""}`}>
                    {entry.amountUsd > 0 ? "+" : ""}
                    {formatMoney(entry.amountUsd)}
                  </td>
                  <td className="py-2 pr-5 pl-3 text-right whitespace-nowrap text-muted tabular-nums">{formatMoney(entry.balanceAfterUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
