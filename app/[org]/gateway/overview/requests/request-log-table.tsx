"use client";
// The log's rows: a table with the chosen columns from the md breakpoint up,
// one card per request on phones. Either opens the request's detail.
import type { ReactNode } from "react";
import { formatDuration } from "@/components/format/duration";
import { formatMoney } from "@/components/format/money";
import { formatTokens } from "@/components/format/numbers";
import { formatRelativeTime, formatUtcDateTime } from "@/components/format/time";
import { LOG_COLUMNS, type LogColumnId } from "@/lib/dashboard/request-log/columns";
import type { UsageItem } from "@/lib/usage/schemas";
import { StatusBadge } from "../status-badge";
import { TraceId } from "../trace-id";
import type { LogLabels } from "./use-log-labels";

interface RequestLogTableProps {
  items: UsageItem[];
  columns: readonly LogColumnId[];
  labels: Pick<LogLabels, "keyName" | "memberName">;
  onOpen: (id: string) => void;
}

const RIGHT_ALIGNED = new Set<LogColumnId>(["tokens", "cost", "latency", "ttfb", "attempts"]);
const NO_WRAP = new Set<LogColumnId>(["key", "member", "project"]);

export function RequestLogTable({ items, columns, labels, onOpen }: RequestLogTableProps) {
  const shown = LOG_COLUMNS.filter((column) => columns.includes(column.id));
  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full text-sm">
          <caption className="sr-only">Requests</caption>
          <thead>
            <tr className="border-b border-border text-left text-xs text-muted">
              {shown.map((column) => (
                <th key={column.id} scope="col" className={`whitespace-nowrap px-3 py-2 font-medium first:pl-5 last:pr-5 ${RIGHT_ALIGNED.has(column.id) ? "text-right" : ""}`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {items.map((item) => (
              <tr key={item.id} className="cursor-pointer hover:bg-surface-muted/60" onClick={() => onOpen(item.id)}>
                {shown.map((column) => (
                  <td key={column.id} className={`px-3 py-2 first:pl-5 last:pr-5 ${RIGHT_ALIGNED.has(column.id) ? "text-right tabular-nums whitespace-nowrap" : ""} ${NO_WRAP.has(column.id) ? "whitespace-nowrap" : ""}`}>
                    {cell(column.id, item, labels, onOpen)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul aria-label="Requests" className="divide-y divide-border md:hidden">
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" onClick={() => onOpen(item.id)} className="flex w-full flex-col gap-1.5 px-5 py-3 text-left hover:bg-surface-muted/60">
              <span className="flex items-center justify-between gap-3">
                <StatusBadge status={item.status} error={item.error} />
                <time dateTime={item.time} className="shrink-0 text-xs text-muted">
                  {formatRelativeTime(item.time)}
                </time>
              </span>
              <span className="truncate font-mono text-xs">{item.model ?? "no model"}</span>
              <span className="flex flex-wrap gap-x-3 text-xs text-muted">
                <span>{routeText(item)}</span>
                <span>{formatMoney(item.costUsd)}</span>
                <span>{formatDuration(item.latencyMs)}</span>
                <span>
                  {formatTokens(item.inputTokens)} → {formatTokens(item.outputTokens)} tokens
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function routeText(item: UsageItem): string {
  const provider = item.provider ?? "no provider";
  return item.route && item.route !== item.provider ? `${provider} via ${item.route}` : provider;
}

const muted = (text: string) => <span className="text-muted">{text}</span>;

function cell(column: LogColumnId, item: UsageItem, labels: RequestLogTableProps["labels"], onOpen: (id: string) => void): ReactNode {
  switch (column) {
    case "time":
      return (
        <button
          type="button"
          onClick={(event) => {
            event.stopPropagation();
            onOpen(item.id);
          }}
          title={formatUtcDateTime(item.time)}
          aria-label={`Open request ${item.id}`}
          className="whitespace-nowrap rounded text-left text-muted underline-offset-2 hover:text-foreground hover:underline"
        >
          <time dateTime={item.time}>{formatRelativeTime(item.time)}</time>
        </button>
      );
    case "requestId":
      return <span className="font-mono text-xs" title={item.id}>{item.id.slice(0, 8)}…</span>;
    case "model":
      return item.model ? <span className="block max-w-52 truncate font-mono text-xs" title={item.model}>{item.model}</span> : muted("—");
    case "route":
      return (
        <span className="whitespace-nowrap">
          {item.provider ?? muted("—")}
          {item.route && item.route !== item.provider && <span className="text-xs text-muted"> via {item.route}</span>}
        </span>
      );
    case "status":
      return <StatusBadge status={item.status} error={item.error} />;
    case "project":
      return item.project ?? muted("—");
    case "key":
      return labels.keyName(item.keyId) ?? muted(item.keyId ? `${item.keyId.slice(0, 8)}…` : "—");
    case "member":
      return item.memberId ? (labels.memberName(item.memberId) ?? muted(`${item.memberId.slice(0, 8)}…`)) : muted("project key");
    case "tokens":
      return (
        <>
          {formatTokens(item.inputTokens)} <span className="text-muted">→</span> {formatTokens(item.outputTokens)}
        </>
      );
    case "cost":
      return formatMoney(item.costUsd);
    case "latency":
      return formatDuration(item.latencyMs);
    case "ttfb":
      return item.ttfbMs === null ? muted("—") : formatDuration(item.ttfbMs);
    case "attempts":
      return item.attempts;
    case "trace":
      return (
        <span onClick={(event) => event.stopPropagation()}>
          <TraceId traceId={item.traceId} />
        </span>
      );
  }
}
