"use client";
// The snippets for the chosen route, which SDKs apply to it, the base URL, the
// first-request indicator and the way to the Playground.
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { Alert } from "@/components/ui/alert";
import { providerTypeLabel } from "@/lib/connect/route-labels";
import { buildSnippets, routeBaseUrl, snippetLabel, SNIPPET_IDS } from "@/lib/connect/snippets";
import { WIRE_FAMILY_LABELS, wireFamilyOfRoute, wireFamilyOfType } from "@/lib/connect/wire-family";
import type { RouteSummary } from "@/lib/routes/operations";
import { FirstRequestIndicator } from "./first-request";
import { SnippetTabs } from "./snippet-tabs";

interface SnippetPanelProps {
  baseUrl: string;
  route: RouteSummary;
  model: string;
  secret: string | null;
  keyId: string | null;
  playgroundHref: string;
}

export function SnippetPanel({ baseUrl, route, model, secret, keyId, playgroundHref }: SnippetPanelProps) {
  const sharedFamily = wireFamilyOfRoute(route.providerTypes);
  const family = sharedFamily ?? wireFamilyOfType(route.providerTypes[0] ?? "openai");
  const input = { baseUrl, route: route.slug, model: model || "<model>", apiKey: secret };
  const snippets = buildSnippets(input, family);
  const applicable = new Set(snippets.map((snippet) => snippet.id));
  const others = SNIPPET_IDS.filter((id) => !applicable.has(id)).map(snippetLabel);
  const sdkBase = routeBaseUrl(input);

  return (
    <section aria-labelledby="connect-snippets-heading" className="rounded-xl border border-border bg-surface shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-5 py-4">
        <div className="min-w-0">
          <h2 id="connect-snippets-heading" className="text-base font-semibold tracking-tight">
            Send a request
          </h2>
          <p className="mt-0.5 max-w-3xl text-sm text-muted">
            <span className="font-medium text-foreground">{route.slug}</span> speaks the {WIRE_FAMILY_LABELS[family]}, so these apply:{" "}
            {snippets.map((snippet) => snippet.label).join(", ")}.
            {others.length > 0 && ` Not for this route: ${others.join(", ")}.`}
          </p>
        </div>
        <Link
          href={playgroundHref}
          className="inline-flex h-9 shrink-0 items-center gap-2 rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground shadow-sm hover:bg-primary-hover"
        >
          Try in playground
        </Link>
      </div>
      <div className="flex flex-col gap-4 p-5">
        {sharedFamily === null && (
          <Alert tone="warning">
            This group mixes providers with different APIs ({route.providerTypes.map(providerTypeLabel).join(", ")}). A request only succeeds on members that
            speak its format; the snippets below use the {WIRE_FAMILY_LABELS[family]}.
          </Alert>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm font-medium">Base URL</span>
          <div className="flex min-w-0 flex-1 items-center gap-2 rounded-lg border border-border bg-surface-muted p-1 pl-3">
            <code className="min-w-0 flex-1 truncate font-mono text-[13px]" title={sdkBase}>
              {sdkBase}
            </code>
            <CopyButton value={sdkBase} what="Base URL" variant="ghost" className="h-7 px-2 text-xs" aria-label="Copy base URL" />
          </div>
        </div>
        <SnippetTabs snippets={snippets} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border bg-surface-muted/40 px-5 py-4">
        <FirstRequestIndicator keyId={keyId} />
      </div>
    </section>
  );
}
