"use client";
// Under the key picker: whether the snippets carry the real key, and the way
// to get it there (reveal it, or create a key when the project has none).
import { Button } from "@/components/ui/button";
import type { KeyResponse } from "@/lib/keys/schemas";

interface KeyLineProps {
  apiKey: KeyResponse | null;
  secretKnown: boolean;
  onReveal: () => void;
  revealing: boolean;
  onCreate: () => void;
}

export function KeyLine({ apiKey, secretKnown, onReveal, revealing, onCreate }: KeyLineProps) {
  if (!apiKey) {
    return (
      <Line tone="muted" text="No active key in this project yet.">
        <Button variant="secondary" className="h-8 px-3" onClick={onCreate}>
          Create key
        </Button>
      </Line>
    );
  }
  if (secretKnown) return <Line tone="success" text={`The snippets contain the full key “${apiKey.name}” (known in this browser tab).`} />;
  return (
    <Line tone="muted" text="The snippets show a placeholder: a key's full value is only kept in the browser tab that created it.">
      <Button variant="secondary" className="h-8 px-3" onClick={onReveal} pending={revealing}>
        Reveal key
      </Button>
      <Button variant="ghost" className="h-8 px-3" onClick={onCreate}>
        New key
      </Button>
    </Line>
  );
}

function Line({ tone, text, children }: { tone: "muted" | "success"; text: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-surface-muted/50 px-3 py-2">
      <p className={`flex items-center gap-2 text-sm ${tone === "success" ? "text-success" : "text-muted"}`}>
        {tone === "success" && (
          <svg viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d="M4 10.5l4 4 8-9" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        )}
        {text}
      </p>
      {children && <div className="flex shrink-0 gap-2">{children}</div>}
    </div>
  );
}
