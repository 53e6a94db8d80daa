// A member's share of first attempts as a bar and a percentage.
import { formatShare } from "@/lib/routing/first-attempt-share";

export function ShareBar({ share, label }: { share: number; label: string }) {
  const text = formatShare(share);
  return (
    <div className="flex items-center gap-2" title={share === 0 ? "Tried only after the members above fail" : undefined}>
      <div
        role="meter"
        aria-label={`${label}: share of first attempts`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 1000) / 10}
        aria-valuetext={text}
        className="h-2 w-24 overflow-hidden rounded-full bg-surface-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${share * 100}%` }} />
      </div>
      <span className={`w-12 text-right text-xs tabular-nums ${share === 0 ? "text-muted" : "font-medium"}`}>{text}</span>
    </div>
  );
}
