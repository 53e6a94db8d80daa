// A message box for form errors and page-level warnings; role="alert" makes
// screen readers announce it when it appears.
import type { ReactNode } from "react";

const TONE_CLASSES = {
  danger: "border-danger-border bg-danger-surface text-danger",
  warning: "border-warning-border bg-warning-surface text-warning",
} as const;

export function Alert({ tone = "danger", children }: { tone?: keyof typeof TONE_CLASSES; children: ReactNode }) {
  return (
    <div role="alert" className={`rounded-md border px-3 py-2.5 text-sm ${TONE_CLASSES[tone]}`}>
      {children}
    </div>
  );
}
