"use client";
// The Playground's side panel: where requests go, with which key, and how the
// model should answer.
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { routeOptionLabel } from "@/lib/connect/route-labels";
import type { KeyResponse } from "@/lib/keys/schemas";
import type { RouteSummary } from "@/lib/routes/operations";
import { keyOptionLabel } from "../connect/connect-page-client";
import { ModelField } from "../connect/model-field";

export interface PlaygroundFields {
  system: string;
  temperature: string;
  maxTokens: string;
}

interface PlaygroundSettingsProps {
  routes: RouteSummary[];
  route: RouteSummary | null;
  model: string;
  keys: KeyResponse[];
  apiKey: KeyResponse | null;
  isAdmin: boolean;
  secretKnown: boolean;
  revealing: boolean;
  fields: PlaygroundFields;
  errors: Partial<Record<keyof PlaygroundFields, string>>;
  maxTokensPlaceholder: string;
  onRoute: (slug: string) => void;
  onModel: (model: string) => void;
  onKey: (id: string) => void;
  onReveal: () => void;
  onFields: (changes: Partial<PlaygroundFields>) => void;
}

export function PlaygroundSettings(props: PlaygroundSettingsProps) {
  const { routes, route, model, keys, apiKey, fields, errors } = props;
  const activeKeys = keys.filter((key) => key.status === "active");
  return (
    <aside aria-label="Playground settings" className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-5 shadow-sm">
      <SelectField
        label="Provider or routing group"
        value={route?.slug ?? ""}
        disabled={routes.length === 0}
        options={routes.length ? routes.map((candidate) => ({ value: candidate.slug, label: routeOptionLabel(candidate) })) : [{ value: "", label: "No routes yet" }]}
        onChange={(event) => props.onRoute(event.target.value)}
      />
      <ModelField route={route} value={model} onChange={props.onModel} />
      <div className="flex flex-col gap-2">
        <SelectField
          label="Key"
          value={apiKey?.id ?? ""}
          disabled={activeKeys.length === 0}
          options={activeKeys.length ? activeKeys.map((key) => ({ value: key.id, label: keyOptionLabel(key, props.isAdmin) })) : [{ value: "", label: "No active keys" }]}
          onChange={(event) => props.onKey(event.target.value)}
        />
        {apiKey && !props.secretKnown && (
          <div className="rounded-lg border border-border bg-surface-muted/60 p-3 text-xs text-muted">
            <p>The Playground calls the proxy with the key itself; this browser tab does not know it yet.</p>
            <Button variant="secondary" className="mt-2 h-8 w-full" onClick={props.onReveal} pending={props.revealing}>
              Reveal key to use it
            </Button>
          </div>
        )}
      </div>
      <TextareaField
        label="System prompt"
        rows={4}
        placeholder="You are a helpful assistant."
        value={fields.system}
        onChange={(event) => props.onFields({ system: event.target.value })}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Temperature"
          type="number"
          inputMode="decimal"
          min={0}
          max={2}
          step={0.1}
          placeholder="Default"
          value={fields.temperature}
          error={errors.temperature}
          onChange={(event) => props.onFields({ temperature: event.target.value })}
        />
        <TextField
          label="Max tokens"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          placeholder={props.maxTokensPlaceholder}
          value={fields.maxTokens}
          error={errors.maxTokens}
          onChange={(event) => props.onFields({ maxTokens: event.target.value })}
        />
      </div>
    </aside>
  );
}
