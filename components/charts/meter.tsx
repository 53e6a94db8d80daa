// A thin horizontal bar: a row's share of the total, or spend against a limit.
import type { LimitTone } from "@/lib/dashboard/charts/limit-usage";

const TONE_CLASSES: Record<LimitTone, string> = {
  normal: "bg-primary",
  none: "bg-primary",
  warning: "bg-amber-500",
  over: "bg-rose-500",
};

interface MeterProps {
  /** 0…1 */
  value: number;
  /** 0…1 drawn lighter after value: an amount held but not yet spent. */
  extra?: number;
  label: string;
  tone?: LimitTone;
  color?: string;
  className?: string;
}

const toPercent = (share: number) => Math.round(Math.min(Math.max(share, 0), 1) * 1000) / 10;

export function Meter({ value, extra = 0, label, tone = "normal", color, className = "" }: MeterProps) {
  const percent = toPercent(value);
  const extraPercent = Math.min(toPercent(extra), 100 - percent);
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={`flex h-1.5 w-full overflow-hidden rounded-full bg-surface-muted ${className}`}
    >
      <div
        className={`h-full rounded-full transition-[width] ${color ? "" : TONE_CLASSES[tone]}`}
        style={{ width: `${percent}%`, ...(color ? { backgroundColor: color } : {}) }}
      />
      {extraPercent > 0 && <div className={`h-full opacity-40 ${color ? "" : TONE_CLASSES[tone]}`} style={{ width: `${extraPercent}%`, ...(color ? { backgroundColor: color } : {}) }} />}
    </div>
  );
}
