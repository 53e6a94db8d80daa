"use client";
// A segmented control: one choice among a few. Native radio buttons underneath,
// so arrow keys, focus and screen readers work without extra code.
import { useId } from "react";

export interface SegmentOption<Value extends string> {
  value: Value;
  label: string;
  title?: string;
}

interface SegmentedControlProps<Value extends string> {
  label: string;
  value: Value;
  options: readonly SegmentOption<Value>[];
  onChange: (value: Value) => void;
}

export function SegmentedControl<Value extends string>({ label, value, options, onChange }: SegmentedControlProps<Value>) {
  const name = useId();
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">{label}</legend>
      <div className="inline-flex max-w-full overflow-x-auto rounded-lg border border-border bg-surface-muted p-0.5">
        {options.map((option) => (
          <label key={option.value} className="relative shrink-0">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
              className="peer sr-only"
            />
            <span
              title={option.title}
              className="inline-flex h-7 cursor-pointer items-center rounded-md px-3 text-xs font-medium text-muted transition-colors select-none peer-checked:bg-surface peer-checked:text-foreground peer-checked:shadow-sm peer-focus-visible:outline-2 peer-focus-visible:outline-ring hover:text-foreground"
            >
              {option.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
