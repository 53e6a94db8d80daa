"use client";
// The newest requests of the period from the request log.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Panel } from "@/components/charts/panel";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/charts/panel-states";
import { formatDuration } from "@/components/format/duration";
import { formatMoney } from "@/components/format/money";
import { formatTokens } from "@/components/format/numbers";
import { formatRelativeTime, formatUtcDateTime } from "@/components/format/time";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { periodRange, type OverviewPeriod } from "@/lib/dashboard/charts/periods";
import type { UsageItem, UsagePage } from "@/lib/usage/schemas";
import { StatusBadge } from "./status-badge";
import { TraceId } from "./trace-id";

const LIMIT = 12;

interface RecentRequestsProps {
  organizationSlug: string;
  period: OverviewPeriod;
  refreshMs: number;
}

export function RecentRequests({ organizationSlug, period, refreshMs }: RecentRequestsProps) {
  const recent = useQuery({
    queryKey: ["usage", organizationSlug, "recent", period],
    queryFn: ({ signal }) => {
      const from = periodRange(period).from.toISOString();
      return apiFetch<UsagePage>(organizationSlug, `usage?limit=${LIMIT}&from=${encodeURIComponent(from)}`, { signal });
    },
    refetchInterval: refreshMs,
  });

  return (
    <Panel
      title="Recent requests"
      description={`The newest ${LIMIT} requests of the period`}
      bodyClassName="px-0 pb-2"
      actions={
        <Link href={`/${organizationSlug}/gateway/overview/requests?period=${period}`} className="text-sm font-medium text-primary hover:underline">
          All requests
        </Link>
      }
    >
      {recent.isPending ? (
        <div className="px-5 pb-3">
          <LoadingBlock height={160} />
        </div>
      ) : recent.isError ? (
        <div className="px-5 pb-3">
          <ErrorBlock error={recent.error} onRetry={() => void recent.refetch()} />
        </div>
      ) : recent.data.items.length === 0 ? (
        <div className="px-5 pb-3">
          <EmptyBlock title="No requests in this period" />
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[860px] text-sm">
            <caption className="sr-only">Recent requests</caption>
            <thead>
              <tr className="border-b border-border text-left text-xs text-muted">
                <Th>Time</Th>
                <Th>Model</Th>
                <Th>Provider</Th>
                <Th>Status</Th>
                <Th align="right">Tokens in → out</Th>
                <Th align="right">Cost</Th>
                <Th align="right">Latency</Th>
                <Th>Trace</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {recent.data.items.map((item) => (
                <RequestRow key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function Th({ children, align = "left" }: { children: ReactNode; align?: "left" | "right" }) {
  return (
    <th scope="col" className={`px-3 py-2 font-medium first:pl-5 last:pr-5 ${align === "right" ? "text-right" : ""}`}>
      {children}
    </th>
  );
}

function RequestRow({ item }: { item: UsageItem }) {
  return (
    <tr className="hover:bg-surface-muted/60">
      <td className="px-3 py-2 pl-5 whitespace-nowrap text-muted" title={formatUtcDateTime(item.time)}>
        <time dateTime={item.time}>{formatRelativeTime(item.time)}</time>
      </td>
      <td className="max-w-52 truncate px-3 py-2 font-mono text-xs" title={item.model ?? undefined}>
        {item.model ?? <span className="font-sans text-muted">—</span>}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        {item.provider ?? <span className="text-muted">—</span>}
        {item.route && item.route !== item.provider && <span className="text-xs text-muted"> via {item.route}</span>}
      </td>
      <td className="px-3 py-2">
        <StatusBadge status={item.status} error={item.error} />
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
        {formatTokens(item.inputTokens)} <span className="text-muted">→</span> {formatTokens(item.outputTokens)}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{formatMoney(item.costUsd)}</td>
      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" title={item.ttfbMs !== null ? `First byte after ${formatDuration(item.ttfbMs)}` : undefined}>
        {formatDuration(item.latencyMs)}
      </td>
      <td className="px-3 py-2 pr-5">
        <TraceId traceId={item.traceId} />
      </td>
    </tr>
  );
}
