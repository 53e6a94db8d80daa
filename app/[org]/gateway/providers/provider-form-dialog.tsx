"use client";
// "Add provider" and "Edit provider": type, slug, name, base URL, the type's
// credentials, custom prices, require-pricing and the output-token reserve.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { Switch } from "@/components/ui/switch";
import { TextField } from "@/components/ui/text-field";
import { ApiRequestError } from "@/lib/dashboard/api-fetch";
import { PROVIDER_TYPES, type ProviderResponse, type ProviderType } from "@/lib/providers/schemas";
import { CredentialFields } from "./credential-fields";
import { PriceEditor } from "./price-editor";
import { buildCreateBody, buildUpdateBody, emptyProviderForm, formFromProvider, type FormErrors, type ProviderFormValues } from "./provider-form-model";
import { PROVIDER_TYPE_INFO } from "./provider-types";
import { useCreateProvider, useUpdateProvider } from "./use-providers";

type DialogState = { mode: "create" } | { mode: "edit"; provider: ProviderResponse } | null;

const TYPE_OPTIONS = PROVIDER_TYPES.map((type) => ({ value: type, label: PROVIDER_TYPE_INFO[type].label }));

export function ProviderFormDialog({ state, onClose }: { state: DialogState; onClose: () => void }) {
  const editing = state?.mode === "edit" ? state.provider : null;
  return (
    <Dialog
      open={state !== null}
      onClose={onClose}
      size="lg"
      title={editing ? `Edit ${editing.name}` : "Add provider"}
      description={editing ? "Changes reach the proxy within a second." : "Connect an upstream with your own credentials."}
    >
      <ProviderForm key={editing?.id ?? "new"} provider={editing} onDone={onClose} />
    </Dialog>
  );
}

function ProviderForm({ provider, onDone }: { provider: ProviderResponse | null; onDone: () => void }) {
  const [values, setValues] = useState<ProviderFormValues>(() => (provider ? formFromProvider(provider) : emptyProviderForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateProvider();
  const update = useUpdateProvider();
  const info = PROVIDER_TYPE_INFO[values.type];
  const set = (changes: Partial<ProviderFormValues>) => setValues((current) => ({ ...current, ...changes }));

  const showServerError = (error: Error) => {
    setFormError(error.message);
    if (error instanceof ApiRequestError && error.issues) {
      setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path[0] === "apiKey" ? "credentials.apiKey" : issue.path.join("."), issue.message])));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const built = provider ? buildUpdateBody(values, provider) : buildCreateBody(values);
    if (!built.ok) {
      setErrors(built.errors);
      setFormError("Check the highlighted fields.");
      return;
    }
    setErrors({});
    const options = { onSuccess: onDone, onError: showServerError };
    if (provider) update.mutate({ provider: provider.slug, body: built.body }, options);
    else create.mutate(built.body as Parameters<typeof create.mutate>[0], options);
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Type"
          options={TYPE_OPTIONS}
          value={values.type}
          disabled={provider !== null}
          onChange={(event) => set({ type: event.target.value as ProviderType })}
        />
        <TextField
          label="Slug"
          value={values.slug}
          disabled={provider !== null}
          onChange={(event) => set({ slug: event.target.value })}
          placeholder="my-openai"
          hint={provider ? "The route segment; it cannot change." : "The route: /proxy/<slug>/…"}
          error={errors.slug}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField label="Name" value={values.name} onChange={(event) => set({ name: event.target.value })} placeholder={values.slug || "Shown in the dashboard"} />
      </div>

      <TextField
        label="Base URL"
        type="url"
        value={values.baseUrl}
        onChange={(event) => set({ baseUrl: event.target.value })}
        placeholder={info.defaultBaseUrl || "https://…"}
        hint={info.baseUrlHint ?? (info.defaultBaseUrl ? `Optional; defaults to ${info.defaultBaseUrl}` : undefined)}
        error={errors.baseUrl}
        spellCheck={false}
      />

      <CredentialFields
        type={values.type}
        bedrockAuth={values.bedrockAuth}
        onBedrockAuthChange={(bedrockAuth) => set({ bedrockAuth })}
        values={values.credentials}
        onChange={(name, value) => set({ credentials: { ...values.credentials, [name]: value } })}
        errors={errors}
        storedFields={provider?.credentialFields ?? null}
      />

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-sm font-semibold">Pricing</legend>
        <p className="text-xs text-muted">
          USD per million tokens. Custom prices win over the built-in catalog; self-hosted and custom models need one to be metered.
        </p>
        <PriceEditor prices={values.prices} onChange={(prices) => set({ prices })} errors={errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Fallback input $/M"
            inputMode="decimal"
            value={values.fallbackInputPerMillion}
            onChange={(event) => set({ fallbackInputPerMillion: event.target.value })}
            placeholder="none"
            hint="Bills models that have no custom or catalog price, instead of refusing them under a USD limit."
            error={errors.fallbackInputPerMillion}
          />
          <TextField
            label="Fallback output $/M"
            inputMode="decimal"
            value={values.fallbackOutputPerMillion}
            onChange={(event) => set({ fallbackOutputPerMillion: event.target.value })}
            placeholder="none"
            error={errors.fallbackOutputPerMillion}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Switch
            label="Require pricing"
            description="Refuse requests for models without a price, before they reach the provider."
            checked={values.requirePricing}
            onChange={(requirePricing) => set({ requirePricing })}
          />
          <TextField
            label="Reserve output tokens"
            inputMode="numeric"
            value={values.reserveOutputTokens}
            onChange={(event) => set({ reserveOutputTokens: event.target.value })}
            placeholder="4096"
            hint="Assumed output when a request sets no max tokens, for spending-limit reservations."
            error={errors.reserveOutputTokens}
          />
        </div>
      </fieldset>

      {formError && <Alert>{formError}</Alert>}
      <DialogActions>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending || update.isPending}>
          {provider ? "Save changes" : "Add provider"}
        </Button>
      </DialogActions>
    </form>
  );
}
