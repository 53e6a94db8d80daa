"use client";
// A secret shown once (a new key or token): the value in a read-only field
// with a copy button, and a plain warning that it will not be shown again.
import { useId } from "react";
import { CopyButton } from "./copy-button";

export function OneTimeSecret({ label, value, note }: { label: string; value: string; note?: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-border-strong bg-surface-muted px-3 font-mono text-xs text-foreground outline-none focus:border-primary focus:ring-2 focus:ring-ring/30"
          spellCheck={false}
        />
        <CopyButton value={value} what={label} />
      </div>
      <p className="text-xs text-warning">{note ?? "Copy it now: it will not be shown in full again."}</p>
    </div>
  );
}
