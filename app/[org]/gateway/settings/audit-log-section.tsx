"use client";
// Settings › Audit log: every management change, newest first, a page at a time.
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/query-states";
import { formatDate } from "./format-date";
import { useAuditLog, type AuditEntry } from "./use-settings";

export function AuditLogSection() {
  const log = useAuditLog();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Panel id="audit-log" title="Audit log" description="Who changed what: providers, routing, keys, members, tokens and settings.">
      {log.isPending ? (
        <LoadingRows rows={4} label="Loading the audit log" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <div className="flex flex-col gap-3">
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-border text-left text-xs text-muted">
                  <th className="pb-2 pr-3 font-medium">Time</th>
                  <th className="pb-2 pr-3 font-medium">Actor</th>
                  <th className="pb-2 pr-3 font-medium">Action</th>
                  <th className="pb-2 font-medium">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {entries.map((entry) => (
                  <tr key={entry.id} className="align-top">
                    <td className="whitespace-nowrap py-2 pr-3 tabular-nums text-muted">{formatDate(entry.time)}</td>
                    <td className="max-w-48 truncate py-2 pr-3" title={entry.actor}>
                      {entry.actor}
                    </td>
                    <td className="whitespace-nowrap py-2 pr-3">
                      <code className="rounded bg-surface-muted px-1.5 py-0.5 text-xs">{entry.action}</code>
                    </td>
                    <td className="py-2 font-mono text-xs text-muted" title={describe(entry)}>
                      {/* Table cells ignore max-width; a block inside them truncates. */}
                      <div className="max-w-md truncate">{describe(entry)}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex items-center justify-between gap-3 text-xs text-muted">
            <span>
              {entries.length} entr{entries.length === 1 ? "y" : "ies"} shown
            </span>
            {log.hasNextPage && (
              <Button variant="secondary" onClick={() => log.fetchNextPage()} pending={log.isFetchingNextPage}>
                Load older entries
              </Button>
            )}
          </div>
        </div>
      )}
    </Panel>
  );
}

/** One line from the entry's details: "slug=fast, type=openai" */
function describe(entry: AuditEntry): string {
  const details = entry.details;
  if (details === null || typeof details !== "object") return entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}`.trim() : "—";
  return Object.entries(details as Record<string, unknown>)
    .map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
}
