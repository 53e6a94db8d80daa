// A key's spend in the current window of each of its limits, as bars: recorded
// spend, then (lighter) the room running proxies hold for requests, so a key
// refused while its bar looks a quarter full shows why; and today's refusals.
import { Meter } from "@/components/charts/meter";
import { formatMoney } from "@/components/format/money";
import { formatRelativeTime } from "@/components/format/time";
import { limitUsage } from "@/lib/dashboard/charts/limit-usage";
import type { KeyResponse } from "@/lib/keys/schemas";
import type { KeyHoldsItem } from "@/lib/spending/key-holds-schemas";
import { LIMIT_WINDOWS } from "./key-form";

const WINDOW_NAMES = { daily: "Today", weekly: "This week", monthly: "This month", total: "Total" } as const;

export function LimitBars({ apiKey, holds }: { apiKey: KeyResponse; holds: KeyHoldsItem | null }) {
  const windows = LIMIT_WINDOWS.filter((window) => apiKey.limits[window] !== null);
  const refusals = holds && holds.refusedToday > 0 ? <RefusalLine holds={holds} /> : null;
  if (windows.length === 0) {
    return (
      <div className="space-y-1">
        <p className="text-xs text-muted">
          No spending limits · <span className="tabular-nums">{formatMoney(apiKey.spend.total)}</span> spent in total
        </p>
        {refusals}
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-4">
        {windows.map((window) => {
          const spent = apiKey.spend[window] ?? 0;
          const held = holds?.held[window] ?? 0;
          const limit = apiKey.limits[window]!;
          const usage = limitUsage(spent + held, limit);
          const heldText = held > 0 ? `, ${formatMoney(held)} held` : "";
          return (
            <div key={window} className="min-w-0">
              <div className="mb-1 flex flex-wrap items-baseline justify-between gap-x-2 text-xs">
                <dt className="text-muted">{WINDOW_NAMES[window]}</dt>
                <dd className={`tabular-nums ${usage.tone === "over" ? "font-medium text-danger" : "text-foreground"}`}>
                  {formatMoney(spent)} <span className="text-muted">/ {formatMoney(limit)}</span>
                  {held > 0 && <span className="block text-right text-muted">+ {formatMoney(held)} held</span>}
                </dd>
              </div>
              <Meter
                value={limitUsage(spent, limit).fill}
                extra={usage.fill - limitUsage(spent, limit).fill}
                tone={usage.tone}
                label={`${WINDOW_NAMES[window]}: ${formatMoney(spent)} of ${formatMoney(limit)}${heldText}`}
              />
            </div>
          );
        })}
      </dl>
      {refusals}
    </div>
  );
}

function RefusalLine({ holds }: { holds: KeyHoldsItem }) {
  const last = holds.lastRefusal;
  return (
    <p className="text-xs text-danger" role="note" aria-label="Refused today">
      {holds.refusedToday === 1 ? "1 request" : `${holds.refusedToday} requests`} refused today
      {last && (
        <span className="text-muted">
          {" "}· last {formatRelativeTime(last.time)}: {last.status}
          {last.code ? ` ${last.code}` : ""}
          {last.message ? ` — ${last.message}` : ""}
        </span>
      )}
    </p>
  );
}
