"use client";
// A key's plaintext in a selectable box with a copy button.
import { CopyButton } from "@/components/ui/copy-button";

export function SecretBox({ secret, label = "API key" }: { secret: string; label?: string }) {
  return (
    <div className="flex items-center gap-2 rounded-lg border border-border bg-surface-muted p-1.5 pl-3">
      <code aria-label={label} className="min-w-0 flex-1 select-all break-all font-mono text-[13px] leading-5 text-foreground">
        {secret}
      </code>
      <CopyButton value={secret} what={label} className="h-8 shrink-0 px-3" />
    </div>
  );
}
