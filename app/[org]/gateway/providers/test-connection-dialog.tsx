"use client";
// "Test connection": runs as soon as it opens, then shows the models the
// provider lists, or what went wrong, with a way to try one specific model.
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import type { ProviderResponse } from "@/lib/providers/schemas";
import type { TestConnectionResult } from "@/lib/providers/test-connection";
import { useTestConnection } from "./use-providers";

export function TestConnectionDialog({ provider, onClose }: { provider: ProviderResponse | null; onClose: () => void }) {
  return (
    <Dialog open={provider !== null} onClose={onClose} title={`Test connection · ${provider?.name ?? ""}`} size="md">
      {provider && <TestConnection key={provider.id} provider={provider} onClose={onClose} />}
    </Dialog>
  );
}

function TestConnection({ provider, onClose }: { provider: ProviderResponse; onClose: () => void }) {
  const test = useTestConnection();
  const [model, setModel] = useState("");
  const { mutate } = test;

  useEffect(() => {
    mutate({ provider: provider.slug });
  }, [mutate, provider.slug]);

  const tryModel = (event: FormEvent) => {
    event.preventDefault();
    if (model.trim()) test.mutate({ provider: provider.slug, model: model.trim() });
  };

  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite">
        {test.isPending && (
          <p role="status" className="flex items-center gap-2 text-sm text-muted">
            <span className="size-2 animate-pulse rounded-full bg-primary" aria-hidden="true" />
            Contacting <code className="text-xs">{provider.slug}</code>…
          </p>
        )}
        {test.isError && <Alert>{test.error.message}</Alert>}
        {test.data && <TestResult result={test.data} />}
      </div>

      <form onSubmit={tryModel} className="flex items-end gap-2 border-t border-border pt-4">
        <TextField
          className="flex-1"
          label="Model to try"
          value={model}
          onChange={(event) => setModel(event.target.value)}
          placeholder="e.g. gpt-4o-mini"
          hint="Sends a one-token request to this model."
          spellCheck={false}
        />
        <Button type="submit" variant="secondary" disabled={!model.trim() || test.isPending} className="mb-5">
          Try model
        </Button>
      </form>

      <DialogActions>
        <Button variant="secondary" onClick={() => mutate({ provider: provider.slug })} disabled={test.isPending}>
          Test again
        </Button>
        <Button onClick={onClose}>Done</Button>
      </DialogActions>
    </div>
  );
}

function TestResult({ result }: { result: TestConnectionResult }) {
  if (!result.ok) {
    return (
      <div role="alert" className="rounded-lg border border-danger-border bg-danger-surface px-4 py-3 text-sm text-danger">
        <p className="font-medium">Connection failed</p>
        <p className="mt-1 break-words">{result.error}</p>
      </div>
    );
  }
  const how = result.method === "list-models" ? `listed ${result.models?.length ?? 0} models` : `answered a one-token request to ${result.model}`;
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="flex items-center gap-2 text-sm font-medium text-success">
        <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M4 10.5l4 4 8-9" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Connected: the provider {how} in {result.latencyMs} ms.
      </p>
      {result.models && result.models.length > 0 && (
        <ul aria-label="Models" className="flex max-h-48 flex-wrap gap-1.5 overflow-y-auto">
          {result.models.map((model) => (
            <li key={model} className="rounded-md border border-border bg-surface-muted px-2 py-0.5 font-mono text-xs">
              {model}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
