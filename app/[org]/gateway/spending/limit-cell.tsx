// Spend in the current window against its limit: "$3.20 of $10.00" over a bar.
import { Meter } from "@/components/charts/meter";
import { formatMoney } from "@/components/format/money";
import { formatPercent } from "@/components/format/numbers";
import { limitUsage } from "@/lib/dashboard/charts/limit-usage";

const TONE_TEXT = { normal: "text-muted", none: "text-muted", warning: "text-warning", over: "text-danger" } as const;

export function LimitCell({ label, spend, limit }: { label: string; spend: number | null; limit: number | null }) {
  const usage = limitUsage(spend, limit);
  if (usage.tone === "none") {
    return (
      <div className="text-xs">
        <p className="tabular-nums">{formatMoney(spend ?? 0)}</p>
        <p className="text-muted">No limit</p>
      </div>
    );
  }
  return (
    <div className="text-xs">
      <p className="flex justify-between gap-2 tabular-nums">
        <span>
          {formatMoney(spend ?? 0)} <span className="text-muted">of {formatMoney(limit)}</span>
        </span>
        <span className={TONE_TEXT[usage.tone]}>{formatPercent(usage.ratio, 0)}</span>
      </p>
      <Meter value={usage.fill} tone={usage.tone} label={`${label} spend against its limit`} className="mt-1.5" />
    </div>
  );
}
