"use client";
// What recommended setup did, and the Quick Start key — its only full showing —
// with "Open Connect" to use it, and what a first request still needs (credits).
import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import type { GatewaySetupResult } from "@/lib/setup/operations";
import { BalanceHint } from "./balance-hint";

interface SetupResultProps {
  result: GatewaySetupResult;
  project: string;
  onContinue: () => void;
  continuing: boolean;
}

export function SetupResult({ result, project, onContinue, continuing }: SetupResultProps) {
  const providers = result.providers.map((provider) => provider.name).join(", ");
  return (
    <section aria-labelledby="setup-done-heading" className="rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
      <h2 id="setup-done-heading" className="text-lg font-semibold tracking-tight">
        Your gateway is ready
      </h2>
      <ul className="mt-4 flex flex-col gap-2 text-sm">
        <Done>The gateway is on.</Done>
        <Done>
          {providers ? (
            <>Built-in providers activated: {providers}.</>
          ) : (
            <>This server offers no built-in providers; add your own on the Providers tab.</>
          )}
        </Done>
        <Done>
          Tracing is on for the <strong>{project}</strong> project; add an OTLP endpoint in Settings to export the traces.
        </Done>
        {result.key && <Done>Project key &ldquo;{result.key.name}&rdquo; created.</Done>}
      </ul>
      {result.providers.length > 0 && (
        <div className="mt-4 max-w-2xl">
          <BalanceHint when="empty" />
        </div>
      )}
      {result.key && (
        <div className="mt-6 max-w-2xl rounded-lg border border-border bg-background p-4">
          <OneTimeSecret
            label={`${result.key.name} key`}
            value={result.key.secret}
            note="Copy it now: it is shown in full only here (Connect fills it into snippets for the rest of this browser session)."
          />
        </div>
      )}
      <div className="mt-6 flex flex-wrap gap-2">
        {result.connectUrl && (
          // A full navigation: the page shell is rendered on the server and must
          // now show the tabs instead of this panel.
          <Button onClick={() => window.location.assign(result.connectUrl!)}>Open Connect</Button>
        )}
        <Button variant="secondary" onClick={onContinue} pending={continuing}>
          Go to the dashboard
        </Button>
      </div>
    </section>
  );
}

function Done({ children }: { children: React.ReactNode }) {
  return (
    <li className="flex items-start gap-2">
      <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 text-success" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <path d="M4 10.5l4 4 8-9" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>{children}</span>
    </li>
  );
}
