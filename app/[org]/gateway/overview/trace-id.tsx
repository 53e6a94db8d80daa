"use client";
// A trace id, shortened, with a button that copies the whole id.
import { useState } from "react";
import { toast } from "sonner";

export function TraceId({ traceId }: { traceId: string | null }) {
  const [copied, setCopied] = useState(false);
  if (!traceId) return <span className="text-muted">—</span>;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(traceId);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error("Could not copy the trace id");
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      title={`${traceId} — click to copy`}
      aria-label={`Copy trace id ${traceId}`}
      className="inline-flex items-center gap-1 rounded px-1 font-mono text-xs text-muted hover:bg-surface-muted hover:text-foreground"
    >
      {copied ? "Copied" : `${traceId.slice(0, 8)}…`}
    </button>
  );
}
