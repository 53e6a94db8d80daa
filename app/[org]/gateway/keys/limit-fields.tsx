"use client";
// The four USD limit inputs shared by the create and edit key forms.
import { TextField } from "@/components/ui/text-field";
import { LIMIT_LABELS, LIMIT_WINDOWS, type KeyFormErrors, type LimitWindow } from "./key-form";

interface LimitFieldsProps {
  values: Record<LimitWindow, string>;
  errors: KeyFormErrors;
  onChange: (window: LimitWindow, value: string) => void;
}

export function LimitFields({ values, errors, onChange }: LimitFieldsProps) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium">Spending limits</legend>
      <p className="text-xs text-muted">
        In USD; leave empty for no limit. Requests are refused once a limit is reached. Days, weeks (from Monday) and months reset at 00:00 UTC.
      </p>
      <div className="grid grid-cols-2 gap-3">
        {LIMIT_WINDOWS.map((window) => (
          <TextField
            key={window}
            label={LIMIT_LABELS[window]}
            inputMode="decimal"
            autoComplete="off"
            placeholder="No limit"
            value={values[window]}
            error={errors[window]}
            onChange={(event) => onChange(window, event.target.value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
