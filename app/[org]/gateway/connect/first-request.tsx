"use client";
// "Waiting for your first request…": polls the key's request log every 2 s.
// It shows the key's FIRST successful request (oldest first, status < 400),
// which stays put however many follow; until there is one, the latest
// refused or failed request and what to do about it.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMoney } from "@/components/format/money";
import { formatRelativeTime } from "@/components/format/time";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { UsageItem, UsagePage } from "@/lib/usage/schemas";
import { BalanceHint } from "../balance-hint";

const POLL_MS = 2_000;

export function FirstRequestIndicator({ keyId }: { keyId: string | null }) {
  const { slug } = useOrganization();
  const first = useQuery({
    queryKey: ["usage", slug, { key: keyId, first: "success" }],
    queryFn: ({ signal }) => apiFetch<UsagePage>(slug, `usage?key=${encodeURIComponent(keyId!)}&status=success&order=oldest&limit=1`, { signal }),
    enabled: keyId !== null,
    staleTime: 0,
    // Once the first success is known it never changes: stop polling.
    refetchInterval: (query) => (query.state.data?.items[0] ? false : POLL_MS),
  });
  const found = first.data?.items[0];
  const latest = useQuery({
    queryKey: ["usage", slug, { key: keyId, limit: 1 }],
    queryFn: ({ signal }) => apiFetch<UsagePage>(slug, `usage?key=${encodeURIComponent(keyId!)}&limit=1`, { signal }),
    enabled: keyId !== null && first.isSuccess && !found,
    staleTime: 0,
    refetchInterval: POLL_MS,
  });

  if (!keyId) return <Status tone="idle" title="No key selected" text="Create or choose a key, then run a snippet: its first request shows up here." />;
  if (found) return <Status tone="success" title="First request received" text={describe(found)} logHref={logHref(slug, found)} />;
  const failed = latest.data?.items[0];
  if (failed) {
    return (
      <div className="flex min-w-0 flex-col gap-2">
        <Status tone="warning" title={`Request received, but it failed (${failed.status}${failed.error ? ` ${failed.error}` : ""})`} text={describe(failed)} logHref={logHref(slug, failed)} />
        {failed.error === "insufficient_balance" && <BalanceHint when="refused" />}
      </div>
    );
  }
  const error = first.error ?? latest.error;
  if (error) return <Status tone="warning" title="Could not check for requests" text={error.message} />;
  return <Status tone="waiting" title="Waiting for your first request…" text="Run one of the snippets; this updates by itself." />;
}

function describe(item: UsageItem): string {
  return `${item.model ?? "unknown model"} via ${item.route ?? item.provider ?? "?"} · ${item.inputTokens + item.outputTokens} tokens · ${formatMoney(item.costUsd)} · ${formatRelativeTime(item.time)}`;
}

function logHref(organizationSlug: string, item: UsageItem): string {
  return `/${organizationSlug}/gateway/overview/requests?${new URLSearchParams({ search: item.id, request: item.id })}`;
}

const DOTS = {
  idle: "bg-border-strong",
  waiting: "bg-primary animate-pulse",
  success: "bg-success",
  warning: "bg-warning",
} as const;

function Status({ tone, title, text, logHref }: { tone: keyof typeof DOTS; title: string; text: string; logHref?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex min-w-0 items-start gap-3">
      <span className="relative mt-1.5 flex size-2.5 shrink-0">
        {tone === "waiting" && <span className="absolute inline-flex size-full animate-ping rounded-full bg-primary opacity-60" />}
        <span className={`relative inline-flex size-2.5 rounded-full ${DOTS[tone]}`} />
      </span>
      <div className="min-w-0">
        <p className={`text-sm font-medium ${tone === "success" ? "text-success" : tone === "warning" ? "text-warning" : ""}`}>{title}</p>
        <p className="truncate text-xs text-muted">{text}</p>
        {logHref && (
          <Link href={logHref} className="text-xs font-medium text-primary hover:underline">
            Details in the request log
          </Link>
        )}
      </div>
    </div>
  );
}
