"use client";
// The model: pick a known one or type any id the route's provider serves.
import { useId } from "react";
import { TextField } from "@/components/ui/text-field";
import type { RouteSummary } from "@/lib/routes/operations";

export function ModelField({ route, value, onChange }: { route: RouteSummary | null; value: string; onChange: (model: string) => void }) {
  const listId = useId();
  const hint = !route
    ? undefined
    : route.modelsSource === "provider"
      ? `${route.models.length} known model${route.models.length === 1 ? "" : "s"}; any other id works too`
      : "Popular models; type any id the provider serves";
  return (
    <div>
      <TextField
        label="Model"
        list={listId}
        value={value}
        placeholder="Model id"
        autoComplete="off"
        spellCheck={false}
        hint={hint}
        disabled={!route}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {(route?.models ?? []).map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
    </div>
  );
}
