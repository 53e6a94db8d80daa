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
  label: string;
  tone?: LimitTone;
  color?: string;
  className?: string;
}

export function Meter({ value, label, tone = "normal", color, className = "" }: MeterProps) {
  const percent = Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 10;
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={`h-1.5 w-full overflow-hidden rounded-full bg-surface-muted ${className}`}
    >
      <div
        className={`h-full rounded-full transition-[width] ${color ? "" : TONE_CLASSES[tone]}`}
        style={{ width: `${percent}%`, ...(color ? { backgroundColor: color } : {}) }}
      />
    </div>
  );
}
