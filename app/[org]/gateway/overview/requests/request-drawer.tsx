"use client";
// One request in detail, in a drawer beside the log: outcome, who and what,
// each upstream attempt and why the gateway moved on, cost per token class,
// latency and time to first byte, the trace id.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatDuration } from "@/components/format/duration";
import { formatMoney } from "@/components/format/money";
import { formatCount } from "@/components/format/numbers";
import { formatUtcDateTime } from "@/components/format/time";
import { useOrganization } from "@/components/organization-context";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, LoadingRows } from "@/components/ui/query-states";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { UsageDetail } from "@/lib/usage/detail-schemas";
import { StatusBadge } from "../status-badge";

const TOKEN_CLASS_LABELS: Record<string, string> = {
  input_tokens: "Input (uncached)",
  cache_read_tokens: "Cache read",
  cache_write_tokens: "Cache write",
  cache_write_5m_tokens: "Cache write (5 min)",
  cache_write_1h_tokens: "Cache write (1 hour)",
  input_audio_tokens: "Input audio",
  cache_audio_read_tokens: "Cached audio",
  output_tokens: "Output",
  output_reasoning_tokens: "Reasoning",
  output_audio_tokens: "Output audio",
  audio_seconds: "Audio (seconds)",
  input_audio_seconds: "Audio (seconds)",
  request: "Per request",
};

export function RequestDrawer({ requestId, onClose }: { requestId: string | null; onClose: () => void }) {
  const { slug } = useOrganization();
  const detail = useQuery({
    queryKey: ["usage-detail", slug, requestId],
    queryFn: ({ signal }) => apiFetch<UsageDetail>(slug, `usage/${encodeURIComponent(requestId!)}`, { signal }),
    enabled: requestId !== null,
    staleTime: 60_000,
  });
  return (
    <Dialog open={requestId !== null} onClose={onClose} title="Request details" description={requestId ?? undefined} size="lg" placement="side">
      {detail.isPending ? (
        <LoadingRows rows={5} label="Loading the request" />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <DetailBody detail={detail.data} />
      )}
    </Dialog>
  );
}

function DetailBody({ detail }: { detail: UsageDetail }) {
  const { item } = detail;
  const failed = item.status >= 400;
  return (
    <div className="flex flex-col gap-6 text-sm">
      <section aria-label="Outcome" className="flex flex-col gap-2">
        <StatusBadge status={item.status} error={item.error} />
        {failed && detail.errorMessage && (
          <p className="rounded-md border border-warning-border bg-warning-surface px-3 py-2 text-warning">{detail.errorMessage}</p>
        )}
      </section>

      <Section title="Request">
        <Fields>
          <Field label="Time">{formatUtcDateTime(item.time)}</Field>
          <Field label="Request id">
            <Copyable value={item.id} what="Request id" />
          </Field>
          <Field label="Route">{item.route ?? "—"}</Field>
          <Field label="Served by">{item.provider ?? "no provider"}</Field>
          <Field label="Model">{item.model ?? "—"}</Field>
          <Field label="Operation">{detail.operation ?? "—"}</Field>
          <Field label="Streamed">{detail.streamed ? "Yes" : "No"}</Field>
          <Field label="Project">{detail.projectName ?? item.project ?? "—"}</Field>
          <Field label="Key">{detail.keyName ?? item.keyId ?? "—"}</Field>
          <Field label="Member">{detail.member ? (detail.member.email ?? detail.member.name ?? detail.member.id) : "project key"}</Field>
          <Field label="Trace id">{item.traceId ? <Copyable value={item.traceId} what="Trace id" /> : "—"}</Field>
        </Fields>
      </Section>

      <Section title="Timing">
        <Fields>
          <Field label="Latency">{formatDuration(item.latencyMs)}</Field>
          <Field label="Time to first byte">{item.ttfbMs === null ? "—" : formatDuration(item.ttfbMs)}</Field>
        </Fields>
      </Section>

      <Section title={`Attempts (${item.attempts})`}>
        {detail.attemptLog.length === 0 ? (
          <p className="text-muted">{failed ? "Refused by the gateway before any provider was tried." : "No upstream attempt."}</p>
        ) : (
          <ol aria-label="Attempts" className="flex flex-col gap-2">
            {detail.attemptLog.map((attempt, index) => (
              <li key={index} className="rounded-lg border border-border px-3 py-2">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">
                    {index + 1}. {attempt.provider}
                    {attempt.type && <span className="font-normal text-muted"> ({attempt.type})</span>}
                  </span>
                  <span className="text-xs text-muted">
                    {attempt.status !== null ? `status ${attempt.status}` : "no answer"}
                    {attempt.durationMs !== null && ` · ${formatDuration(attempt.durationMs)}`}
                  </span>
                </div>
                <p className={`mt-1 text-xs ${attempt.failure ? "text-warning" : "text-success"}`}>
                  {attempt.failure ? `Failed over: ${failureText(attempt.failure)}` : index === detail.attemptLog.length - 1 ? "Served the request" : "Ended"}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title="Tokens and cost">
        <Fields>
          <Field label="Input tokens">{formatCount(item.inputTokens)}</Field>
          <Field label="Output tokens">{formatCount(item.outputTokens)}</Field>
          <Field label="Cache read tokens">{formatCount(detail.cacheReadTokens)}</Field>
          <Field label="Cache write tokens">{formatCount(detail.cacheWriteTokens)}</Field>
          <Field label="Cost">{formatMoney(item.costUsd)}</Field>
        </Fields>
        {detail.estimated && <p className="mt-2 text-xs text-muted">The upstream reported no usage (the client left or the stream broke): the tokens are estimated from the bytes seen.</p>}
        {detail.costBreakdown && (
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">Cost per token class</caption>
            <thead>
              <tr className="border-b border-border text-left text-xs text-muted">
                <th scope="col" className="py-1.5 font-medium">Token class</th>
                <th scope="col" className="py-1.5 text-right font-medium">Tokens</th>
                <th scope="col" className="py-1.5 text-right font-medium">Cost</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {detail.costBreakdown.lines.map((line) => (
                <tr key={line.tokenClass}>
                  <td className="py-1.5">{TOKEN_CLASS_LABELS[line.tokenClass] ?? line.tokenClass}</td>
                  <td className="py-1.5 text-right tabular-nums">{line.tokenClass === "request" ? "—" : formatCount(line.tokens)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatMoney(line.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {detail.costBreakdown && !detail.costBreakdown.matchesRecorded && (
          <p className="mt-2 text-xs text-muted">At today&apos;s prices; the recorded cost above is what was charged.</p>
        )}
      </Section>
    </div>
  );
}

function failureText(failure: { reason: string; message: string }): string {
  if (/^\d{3}$/.test(failure.reason)) return `the provider answered ${failure.reason}`;
  if (failure.reason === "timeout") return `no first byte in time (${failure.message})`;
  return `${failure.reason}: ${failure.message}`;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wider text-muted">{title}</h3>
      {children}
    </section>
  );
}

function Fields({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">{children}</dl>;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function Copyable({ value, what }: { value: string; what: string }) {
  return (
    <span className="flex min-w-0 items-center gap-1">
      <code className="min-w-0 truncate font-mono text-xs" title={value}>
        {value}
      </code>
      <CopyButton value={value} what={what} variant="ghost" className="h-6 shrink-0 px-1.5 text-xs" aria-label={`Copy ${what.toLowerCase()}`} />
    </span>
  );
}
