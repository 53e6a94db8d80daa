"use client";
// Custom per-model prices in USD per million tokens. They win over the catalog
// and are the only prices of self-hosted and custom models.
import { Button } from "@/components/ui/button";
import { OPTIONAL_RATES, type PriceRow } from "./provider-form-model";

interface PriceEditorProps {
  prices: PriceRow[];
  onChange: (prices: PriceRow[]) => void;
  errors: Partial<Record<string, string>>;
}

const inputClass =
  "h-9 w-full rounded-md border border-border-strong bg-surface px-2.5 text-sm shadow-sm outline-none focus:border-primary focus:ring-2 focus:ring-ring/30 aria-invalid:border-danger";

export function PriceEditor({ prices, onChange, errors }: PriceEditorProps) {
  const update = (index: number, changes: Partial<PriceRow>) => onChange(prices.map((row, position) => (position === index ? { ...row, ...changes } : row)));
  const rowErrors = prices.flatMap((_, index) =>
    (["model", "inputPerMillion", "outputPerMillion", ...OPTIONAL_RATES.map((rate) => rate.field)] as const).flatMap((field) => {
      const message = errors[`prices.${index}.${field}`];
      return message ? [`Row ${index + 1}: ${message}`] : [];
    }),
  );

  return (
    <div className="flex flex-col gap-2">
      {prices.length > 0 && (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs font-medium text-muted">
              <th className="pb-1.5 font-medium">Model</th>
              <th className="w-32 pb-1.5 pl-2 font-medium">Input $/M</th>
              <th className="w-32 pb-1.5 pl-2 font-medium">Output $/M</th>
              <th className="w-10 pb-1.5" aria-label="Remove" />
            </tr>
          </thead>
          {prices.map((row, index) => (
            <tbody key={index}>
              <tr>
                <td className="py-1">
                  <input
                    aria-label={`Model (price ${index + 1})`}
                    className={inputClass}
                    value={row.model}
                    placeholder="e.g. llama-3.1-70b"
                    aria-invalid={errors[`prices.${index}.model`] ? true : undefined}
                    onChange={(event) => update(index, { model: event.target.value })}
                  />
                </td>
                {(["inputPerMillion", "outputPerMillion"] as const).map((field) => (
                  <td key={field} className="py-1 pl-2">
                    <input
                      aria-label={`${field === "inputPerMillion" ? "Input" : "Output"} $/M (price ${index + 1})`}
                      className={`${inputClass} tabular-nums`}
                      inputMode="decimal"
                      value={row[field]}
                      placeholder="0.00"
                      aria-invalid={errors[`prices.${index}.${field}`] ? true : undefined}
                      onChange={(event) => update(index, { [field]: event.target.value })}
                    />
                  </td>
                ))}
                <td className="py-1 pl-1 text-right">
                  <button
                    type="button"
                    aria-label={`Remove price ${index + 1}`}
                    onClick={() => onChange(prices.filter((_, position) => position !== index))}
                    className="rounded-md p-2 text-muted hover:bg-surface-muted hover:text-danger"
                  >
                    <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
                      <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
                    </svg>
                  </button>
                </td>
              </tr>
              <tr>
                <td colSpan={4} className="pb-2">
                  <details open={OPTIONAL_RATES.some(({ field }) => row[field]?.trim())}>
                    <summary className="cursor-pointer text-xs text-muted">Rates per token class (cache, reasoning, audio)</summary>
                    <div className="mt-1.5 grid grid-cols-2 gap-2 sm:grid-cols-5">
                      {OPTIONAL_RATES.map(({ field, label }) => (
                        <label key={field} className="flex flex-col gap-1 text-xs text-muted">
                          {label}
                          <input
                            aria-label={`${label} (price ${index + 1})`}
                            className={`${inputClass} tabular-nums`}
                            inputMode="decimal"
                            value={row[field] ?? ""}
                            placeholder={field === "perMinute" ? "—" : "as parent"}
                            aria-invalid={errors[`prices.${index}.${field}`] ? true : undefined}
                            onChange={(event) => update(index, { [field]: event.target.value })}
                          />
                        </label>
                      ))}
                    </div>
                  </details>
                </td>
              </tr>
            </tbody>
          ))}
        </table>
      )}
      {rowErrors.length > 0 && (
        <ul className="text-xs text-danger" role="alert">
          {rowErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div>
        <Button variant="secondary" onClick={() => onChange([...prices, { model: "", inputPerMillion: "", outputPerMillion: "" }])}>
          Add price
        </Button>
      </div>
    </div>
  );
}
