"use client";
// "Waiting for your first request…": polls the key's request log every 2 s and
// turns to a success state as soon as a request made with the key is logged.
import { useQuery } from "@tanstack/react-query";
import { formatMoney } from "@/components/format/money";
import { formatRelativeTime } from "@/components/format/time";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { UsagePage } from "@/lib/usage/schemas";

export function FirstRequestIndicator({ keyId }: { keyId: string | null }) {
  const { slug } = useOrganization();
  const usage = useQuery({
    queryKey: ["usage", slug, { key: keyId, limit: 1 }],
    queryFn: ({ signal }) => apiFetch<UsagePage>(slug, `usage?key=${encodeURIComponent(keyId!)}&limit=1`, { signal }),
    enabled: keyId !== null,
    staleTime: 0,
    // Keep polling until a request succeeds: a refused one (no credits yet, a limit) is usually fixed and retried.
    refetchInterval: (query) => ((query.state.data?.items[0]?.status ?? 500) < 400 ? false : 2_000),
  });

  if (!keyId) return <Status tone="idle" title="No key selected" text="Create or choose a key, then run a snippet: its first request shows up here." />;
  const latest = usage.data?.items[0];
  if (latest) {
    const failed = latest.status >= 400;
    return (
      <Status
        tone={failed ? "warning" : "success"}
        title={failed ? `Request received, but it failed (${latest.status}${latest.error ? ` ${latest.error}` : ""})` : "First request received"}
        text={`${latest.model ?? "unknown model"} via ${latest.route ?? latest.provider ?? "?"} · ${latest.inputTokens + latest.outputTokens} tokens · ${formatMoney(latest.costUsd)} · ${formatRelativeTime(latest.time)}`}
      />
    );
  }
  if (usage.isError) return <Status tone="warning" title="Could not check for requests" text={usage.error.message} />;
  return <Status tone="waiting" title="Waiting for your first request…" text="Run one of the snippets; this updates by itself." />;
}

const DOTS = {
  idle: "bg-border-strong",
  waiting: "bg-primary animate-pulse",
  success: "bg-success",
  warning: "bg-warning",
} as const;

function Status({ tone, title, text }: { tone: keyof typeof DOTS; title: string; text: string }) {
  return (
    <div role="status" aria-live="polite" className="flex min-w-0 items-start gap-3">
      <span className="relative mt-1.5 flex size-2.5 shrink-0">
        {tone === "waiting" && <span className="absolute inline-flex size-full animate-ping rounded-full bg-primary opacity-60" />}
        <span className={`relative inline-flex size-2.5 rounded-full ${DOTS[tone]}`} />
      </span>
      <div className="min-w-0">
        <p className={`text-sm font-medium ${tone === "success" ? "text-success" : tone === "warning" ? "text-warning" : ""}`}>{title}</p>
        <p className="truncate text-xs text-muted">{text}</p>
      </div>
    </div>
  );
}
