// The dashboard's card: a titled section with optional actions on the right.
import { useId, type ReactNode } from "react";

interface PanelProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Extra classes for the body (e.g. "p-0" for edge-to-edge tables). */
  bodyClassName?: string;
}

export function Panel({ title, description, actions, children, className = "", bodyClassName = "" }: PanelProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={`flex min-w-0 flex-col rounded-xl border border-border bg-surface shadow-sm ${className}`}>
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-5 pt-4">
        <div className="min-w-0">
          <h2 id={headingId} className="text-sm font-semibold tracking-tight">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-xs text-muted">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
      </header>
      <div className={`min-w-0 flex-1 px-5 pt-3 pb-5 ${bodyClassName}`}>{children}</div>
    </section>
  );
}
