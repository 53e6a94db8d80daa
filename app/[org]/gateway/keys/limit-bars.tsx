// A key's spend in the current window of each of its limits, as bars.
import { Meter } from "@/components/charts/meter";
import { formatMoney } from "@/components/format/money";
import { limitUsage } from "@/lib/dashboard/charts/limit-usage";
import type { KeyResponse } from "@/lib/keys/schemas";
import { LIMIT_WINDOWS } from "./key-form";

const WINDOW_NAMES = { daily: "Today", weekly: "This week", monthly: "This month", total: "Total" } as const;

export function LimitBars({ apiKey }: { apiKey: KeyResponse }) {
  const windows = LIMIT_WINDOWS.filter((window) => apiKey.limits[window] !== null);
  if (windows.length === 0) {
    return (
      <p className="text-xs text-muted">
        No spending limits · <span className="tabular-nums">{formatMoney(apiKey.spend.total)}</span> spent in total
      </p>
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-4">
      {windows.map((window) => {
        const spent = apiKey.spend[window] ?? 0;
        const limit = apiKey.limits[window]!;
        const usage = limitUsage(spent, limit);
        return (
          <div key={window} className="min-w-0">
            <div className="mb-1 flex items-baseline justify-between gap-2 text-xs">
              <dt className="text-muted">{WINDOW_NAMES[window]}</dt>
              <dd className={`tabular-nums ${usage.tone === "over" ? "font-medium text-danger" : "text-foreground"}`}>
                {formatMoney(spent)} <span className="text-muted">/ {formatMoney(limit)}</span>
              </dd>
            </div>
            <Meter value={usage.fill} tone={usage.tone} label={`${WINDOW_NAMES[window]}: ${formatMoney(spent)} of ${formatMoney(limit)}`} />
          </div>
        );
      })}
    </dl>
  );
}
