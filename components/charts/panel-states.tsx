// Loading, empty and error states shared by every panel, so a slow or failed
// query looks the same everywhere.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

export function LoadingBlock({ height = 240, label = "Loading" }: { height?: number; label?: string }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse rounded-lg bg-surface-muted" style={{ height }}>
      <span className="sr-only">{label}…</span>
    </div>
  );
}

export function EmptyBlock({ title, children, height }: { title: string; children?: ReactNode; height?: number }) {
  return (
    <div
      className="flex flex-col items-center justify-center gap-1 rounded-lg border border-dashed border-border-strong px-6 py-8 text-center"
      style={height ? { minHeight: height } : undefined}
    >
      <p className="text-sm font-medium">{title}</p>
      {children && <div className="max-w-sm text-xs text-muted">{children}</div>}
    </div>
  );
}

export function ErrorBlock({ error, onRetry, height }: { error: unknown; onRetry?: () => void; height?: number }) {
  const message = error instanceof Error ? error.message : "Something went wrong.";
  return (
    <div
      role="alert"
      className="flex flex-col items-center justify-center gap-3 rounded-lg border border-danger-border bg-danger-surface px-6 py-8 text-center"
      style={height ? { minHeight: height } : undefined}
    >
      <div>
        <p className="text-sm font-medium text-danger">Could not load this</p>
        <p className="mt-1 text-xs text-danger">{message}</p>
      </div>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
