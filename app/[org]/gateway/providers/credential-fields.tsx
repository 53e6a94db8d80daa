"use client";
// The credential inputs of one provider type. Write-only: when editing, every
// input starts empty and says "unchanged" if a value is stored.
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import type { ProviderType } from "@/lib/providers/schemas";
import { credentialFieldsFor, type BedrockAuth, type CredentialName } from "./provider-types";

interface CredentialFieldsProps {
  type: ProviderType;
  bedrockAuth: BedrockAuth;
  onBedrockAuthChange: (auth: BedrockAuth) => void;
  values: Partial<Record<CredentialName, string>>;
  onChange: (name: CredentialName, value: string) => void;
  errors: Partial<Record<string, string>>;
  /** Credential names already stored (editing), shown as "unchanged". */
  storedFields: string[] | null;
}

export function CredentialFields({ type, bedrockAuth, onBedrockAuthChange, values, onChange, errors, storedFields }: CredentialFieldsProps) {
  const placeholderFor = (name: CredentialName, fallback?: string) =>
    storedFields === null ? fallback : storedFields.includes(name) ? "unchanged" : (fallback ?? "not set");

  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-3 text-sm font-semibold">Credentials</legend>
      {storedFields !== null && (
        <p className="-mt-2 text-xs text-muted">Stored credentials are never shown. Leave a field empty to keep its value.</p>
      )}
      {type === "bedrock" && (
        <div role="radiogroup" aria-label="Bedrock authentication" className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ["keys", "Access keys (SigV4)"],
              ["api-key", "Bedrock API key"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="bedrock-auth"
                value={value}
                checked={bedrockAuth === value}
                onChange={() => onBedrockAuthChange(value)}
                className="accent-primary"
              />
              {label}
            </label>
          ))}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {credentialFieldsFor(type, bedrockAuth).map((field) =>
          field.input === "textarea" ? (
            <TextareaField
              key={field.name}
              className="sm:col-span-2"
              label={field.label}
              value={values[field.name] ?? ""}
              onChange={(event) => onChange(field.name, event.target.value)}
              placeholder={placeholderFor(field.name, field.placeholder)}
              hint={field.hint}
              error={errors[`credentials.${field.name}`]}
              rows={5}
              spellCheck={false}
            />
          ) : (
            <TextField
              key={field.name}
              className={field.name === "apiKey" ? "sm:col-span-2" : undefined}
              label={field.label}
              type={field.input}
              value={values[field.name] ?? ""}
              onChange={(event) => onChange(field.name, event.target.value)}
              placeholder={placeholderFor(field.name, field.placeholder)}
              hint={field.hint ?? (field.required ? undefined : "Optional")}
              error={errors[`credentials.${field.name}`]}
              autoComplete="off"
              spellCheck={false}
            />
          ),
        )}
      </div>
    </fieldset>
  );
}
