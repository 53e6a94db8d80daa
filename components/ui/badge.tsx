// A small status label ("Active", "Built-in", "Revoked").
import type { ReactNode } from "react";

const TONES = {
  neutral: "border-border bg-surface-muted text-muted",
  success: "border-success/30 bg-success/10 text-success",
  warning: "border-warning-border bg-warning-surface text-warning",
  danger: "border-danger-border bg-danger-surface text-danger",
  primary: "border-primary/30 bg-primary/10 text-primary",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <span className={`inline-flex h-5 items-center whitespace-nowrap rounded-full border px-2 text-xs font-medium ${TONES[tone]}`}>{children}</span>
  );
}
