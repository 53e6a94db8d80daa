"use client";
// Copies a value to the clipboard and says so, with a fallback for browsers
// that refuse the async clipboard API (plain http on another host).
import { useState } from "react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "./button";

export async function copyText(value: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(value);
    return;
  } catch {
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) throw new Error("The browser refused to copy; select the text and copy it by hand.");
  }
}

export interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "value"> {
  value: string;
  /** Visible text; also what the toast names ("API key copied"). */
  label?: string;
  what?: string;
}

export function CopyButton({ value, label = "Copy", what = "Copied", variant = "secondary", ...props }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant={variant}
      {...props}
      onClick={async () => {
        try {
          await copyText(value);
          setCopied(true);
          toast.success(what === "Copied" ? "Copied to the clipboard" : `${what} copied`);
          setTimeout(() => setCopied(false), 1500);
        } catch (error) {
          toast.error((error as Error).message);
        }
      }}
    >
      {copied ? "Copied" : label}
    </Button>
  );
}
