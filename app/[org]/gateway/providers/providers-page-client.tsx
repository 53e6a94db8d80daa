"use client";
// The Providers tab: built-in providers to activate, BYOK providers to add,
// edit, test and remove.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/query-states";
import type { ProviderResponse } from "@/lib/providers/schemas";
import { ProviderFormDialog } from "./provider-form-dialog";
import { ProviderRow } from "./provider-row";
import { TestConnectionDialog } from "./test-connection-dialog";
import { useDeleteProvider, useProviders } from "./use-providers";

type FormState = { mode: "create" } | { mode: "edit"; provider: ProviderResponse } | null;

export function ProvidersPageClient() {
  const providers = useProviders();
  const remove = useDeleteProvider();
  const [form, setForm] = useState<FormState>(null);
  const [testing, setTesting] = useState<ProviderResponse | null>(null);
  const [removing, setRemoving] = useState<ProviderResponse | null>(null);

  const builtins = providers.data?.filter((provider) => provider.kind === "built-in") ?? [];
  const byok = providers.data?.filter((provider) => provider.kind === "byok") ?? [];
  const addButton = <Button onClick={() => setForm({ mode: "create" })}>Add provider</Button>;

  const listOrState = (items: ProviderResponse[], empty: React.ReactNode) => {
    if (providers.isPending) return <LoadingRows rows={2} label="Loading providers" />;
    if (providers.isError) return <ErrorState error={providers.error} onRetry={() => providers.refetch()} />;
    if (items.length === 0) return empty;
    return (
      <ul className="divide-y divide-border">
        {items.map((provider) => (
          <ProviderRow
            key={provider.id}
            provider={provider}
            onTest={() => setTesting(provider)}
            onEdit={() => setForm({ mode: "edit", provider })}
            onRemove={() => setRemoving(provider)}
          />
        ))}
      </ul>
    );
  };

  return (
    <div className="flex flex-col gap-6">
      <Panel
        id="builtin-providers"
        title="Built-in providers"
        description="Run on this server's credentials; their usage is paid from your organization's prepaid balance. Activate the ones your applications may use."
      >
        {listOrState(
          builtins,
          <EmptyState title="No built-in providers on this server">
            The operator offers one by setting <code className="text-xs">GATEWAY_BUILTIN_&lt;SLUG&gt;_API_KEY</code>. You can still add your own
            providers below.
          </EmptyState>,
        )}
      </Panel>

      <Panel
        id="byok-providers"
        title="Your providers"
        description="Bring your own key: requests go to the provider with your credentials and are billed by it. Credentials are stored encrypted and never shown again."
        actions={addButton}
      >
        {listOrState(
          byok,
          <EmptyState title="No providers of your own yet" action={addButton}>
            Add OpenAI, Anthropic, Gemini, Vertex AI, Bedrock, Azure or any OpenAI-compatible server with your own credentials.
          </EmptyState>,
        )}
      </Panel>

      <ProviderFormDialog state={form} onClose={() => setForm(null)} />
      <TestConnectionDialog provider={testing} onClose={() => setTesting(null)} />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.name ?? "provider"}?`}
        confirmLabel="Remove provider"
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
      >
        Requests to <code className="text-xs">{removing?.slug}</code> will fail with <code className="text-xs">route_not_found</code>, and the
        provider leaves every routing group it is in. Its credentials are deleted.
      </ConfirmDialog>
    </div>
  );
}
