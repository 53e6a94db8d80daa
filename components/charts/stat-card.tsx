// One headline number with its label, a detail line and the change against
// the previous period (green when the change is good news, red when it is not).
import type { ReactNode } from "react";
import { formatChange } from "@/components/format/numbers";

interface StatCardProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  /** Relative change against the previous period (0.1 = +10 %). */
  change?: number | null;
  /** Whether a rise is good (requests) or bad (errors, latency). Cost is neutral. */
  rising?: "good" | "bad" | "neutral";
  loading?: boolean;
}

export function StatCard({ label, value, detail, change, rising = "neutral", loading = false }: StatCardProps) {
  return (
    <div className="min-w-0 rounded-xl border border-border bg-surface px-4 py-3.5 shadow-sm">
      <p className="truncate text-xs font-medium text-muted">{label}</p>
      {loading ? (
        <div className="mt-2 space-y-2" aria-hidden="true">
          <div className="h-6 w-24 animate-pulse rounded bg-surface-muted" />
          <div className="h-3 w-16 animate-pulse rounded bg-surface-muted" />
        </div>
      ) : (
        <>
          <div className="mt-1 flex min-w-0 items-baseline gap-2">
            <p className="truncate text-xl font-semibold tracking-tight tabular-nums">{value}</p>
            {change !== undefined && change !== null && <ChangeBadge change={change} rising={rising} />}
          </div>
          <p className="mt-0.5 min-h-4 truncate text-xs text-muted tabular-nums">{detail}</p>
        </>
      )}
    </div>
  );
}

function ChangeBadge({ change, rising }: { change: number; rising: "good" | "bad" | "neutral" }) {
  const direction = Math.round(change * 100) === 0 ? 0 : Math.sign(change);
  const good = rising === "neutral" || direction === 0 ? null : (direction > 0) === (rising === "good");
  const tone = good === null ? "text-muted" : good ? "text-success" : "text-danger";
  return (
    <span className={`shrink-0 text-xs font-medium tabular-nums ${tone}`} title="Change against the previous period of the same length">
      {formatChange(change)}
    </span>
  );
}
