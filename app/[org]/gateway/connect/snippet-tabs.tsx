"use client";
// The snippets that apply to the route, as tabs; each a <pre> with a copy button.
import { useState, type KeyboardEvent } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** What a tab shows: SDK snippets and coding-agent setups alike. */
export interface TabbedSnippet {
  id: string;
  label: string;
  install: string | null;
  code: string;
}

interface SnippetTabsProps {
  snippets: TabbedSnippet[];
  /** Several tab sets on one page need distinct element ids. */
  idPrefix?: string;
  label?: string;
}

export function SnippetTabs({ snippets, idPrefix = "snippet", label = "Snippet language" }: SnippetTabsProps) {
  const [chosen, setChosen] = useState<string>(snippets[0]?.id ?? "curl");
  const active = snippets.find((snippet) => snippet.id === chosen) ?? snippets[0];
  if (!active) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const index = snippets.indexOf(active);
    const next = snippets[(index + step + snippets.length) % snippets.length];
    setChosen(next.id);
    document.getElementById(`${idPrefix}-tab-${next.id}`)?.focus();
  };

  return (
    <div className="overflow-hidden rounded-lg border border-border">
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex gap-1 overflow-x-auto border-b border-border bg-surface-muted/60 px-2">
        {snippets.map((snippet) => {
          const selected = snippet.id === active.id;
          return (
            <button
              key={snippet.id}
              id={`${idPrefix}-tab-${snippet.id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`${idPrefix}-panel`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setChosen(snippet.id)}
              className={`-mb-px h-10 shrink-0 whitespace-nowrap border-b-2 px-3 text-sm font-medium transition-colors ${
                selected ? "border-primary text-foreground" : "border-transparent text-muted hover:text-foreground"
              }`}
            >
              {snippet.label}
            </button>
          );
        })}
      </div>
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={`${idPrefix}-tab-${active.id}`}>
        {active.install && (
          <div className="flex items-center justify-between gap-3 border-b border-border px-4 py-2 text-xs text-muted">
            <span>
              Install: <code className="font-mono text-foreground">{active.install}</code>
            </span>
            <CopyButton value={active.install} label="Copy" what="Install command" variant="ghost" className="h-7 px-2 text-xs" aria-label="Copy install command" />
          </div>
        )}
        <div className="relative">
          <pre tabIndex={0} aria-label={`${active.label} code`} className="max-h-[28rem] overflow-auto bg-[#0d1117] p-4 pr-24 font-mono text-[13px] leading-relaxed text-[#e6edf3]">
            <code>{active.code}</code>
          </pre>
          <CopyButton value={active.code} what={`${active.label} snippet`} className="absolute right-3 top-3 h-8 px-3" />
        </div>
      </div>
    </div>
  );
}
