"use client";
// "Project keys" / "Personal keys" tabs (WAI-ARIA tabs: arrow keys move between them).
import type { KeyboardEvent } from "react";

export type KeyKind = "project" | "personal";

const TABS: Array<{ value: KeyKind; label: string }> = [
  { value: "project", label: "Project keys" },
  { value: "personal", label: "Personal keys" },
];

export function KindTabs({ value, onChange, counts, loading }: { value: KeyKind; onChange: (kind: KeyKind) => void; counts: Record<KeyKind, number>; loading: boolean }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const next = value === "project" ? "personal" : "project";
    onChange(next);
    document.getElementById(`keys-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Key kind" className="-mb-px flex gap-1" onKeyDown={onKeyDown}>
      {TABS.map((tab) => {
        const selected = tab.value === value;
        return (
          <button
            key={tab.value}
            id={`keys-tab-${tab.value}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls="keys-panel"
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.value)}
            className={`inline-flex h-10 items-center gap-2 border-b-2 px-3 text-sm font-medium transition-colors ${
              selected ? "border-primary text-foreground" : "border-transparent text-muted hover:border-border-strong hover:text-foreground"
            }`}
          >
            {tab.label}
            {!loading && <span className="rounded-full bg-surface-muted px-1.5 text-xs tabular-nums text-muted">{counts[tab.value]}</span>}
          </button>
        );
      })}
    </div>
  );
}
