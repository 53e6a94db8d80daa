"use client";
// An on/off control with a visible label (role="switch", so screen readers say "on"/"off").
import { useId, type ReactNode } from "react";

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  description?: ReactNode;
  disabled?: boolean;
  /** Hide the label visually (it stays the accessible name), e.g. in a table row. */
  hideLabel?: boolean;
}

export function Switch({ checked, onChange, label, description, disabled, hideLabel }: SwitchProps) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={description ? `${id}-description` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
        className={`relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full border border-transparent transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${
          checked ? "bg-primary" : "bg-border-strong"
        }`}
      >
        <span className="sr-only">{hideLabel ? label : null}</span>
        <span
          aria-hidden="true"
          className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${checked ? "translate-x-4" : "translate-x-0.5"}`}
        />
      </button>
      {!hideLabel && (
        <div className="min-w-0">
          <label htmlFor={id} className="text-sm font-medium text-foreground">
            {label}
          </label>
          {description && (
            <p id={`${id}-description`} className="text-xs text-muted">
              {description}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
