"use client";
// One provider in a list: what it is, whether it is on, and its actions.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import type { ProviderResponse } from "@/lib/providers/schemas";
import { PROVIDER_TYPE_INFO } from "./provider-types";
import { useUpdateProvider } from "./use-providers";
import { toast } from "sonner";

interface ProviderRowProps {
  provider: ProviderResponse;
  onTest: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

export function ProviderRow({ provider, onTest, onEdit, onRemove }: ProviderRowProps) {
  const update = useUpdateProvider();
  const builtin = provider.kind === "built-in";
  const typeLabel = PROVIDER_TYPE_INFO[provider.type]?.label ?? provider.type;
  const pendingEnabled = update.isPending ? update.variables?.body.enabled : undefined;
  const enabled = pendingEnabled ?? provider.enabled;

  return (
    <li className="flex flex-wrap items-center gap-x-6 gap-y-3 py-3 first:pt-0 last:pb-0" aria-label={provider.name}>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{provider.name}</span>
          <code className="rounded bg-surface-muted px-1.5 py-0.5 text-xs text-muted">{provider.slug}</code>
          {enabled ? <Badge tone="success">{builtin ? "Active" : "Enabled"}</Badge> : <Badge>{builtin ? "Not active" : "Disabled"}</Badge>}
        </div>
        <p className="mt-1 truncate text-xs text-muted">
          {[
            typeLabel,
            !builtin && (provider.baseUrl ?? PROVIDER_TYPE_INFO[provider.type]?.defaultBaseUrl),
            !builtin && credentialSummary(provider),
            pricingSummary(provider),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <Switch
          label={builtin ? `Activate ${provider.name}` : `Enable ${provider.name}`}
          hideLabel
          checked={enabled}
          disabled={update.isPending}
          onChange={(checked) =>
            update.mutate({ provider: provider.slug, body: { enabled: checked } }, { onError: (error) => toast.error(error.message) })
          }
        />
        <Button variant="ghost" onClick={onTest}>
          Test connection
        </Button>
        {!builtin && (
          <>
            <Button variant="ghost" onClick={onEdit} aria-label={`Edit ${provider.name}`}>
              Edit
            </Button>
            <Button variant="ghost" onClick={onRemove} aria-label={`Remove ${provider.name}`} className="text-danger hover:text-danger">
              Remove
            </Button>
          </>
        )}
      </div>
    </li>
  );
}

function credentialSummary(provider: ProviderResponse): string {
  if (provider.credentialFields.length === 0) return "no credentials";
  return provider.credentialFields.includes("apiKey") || provider.credentialFields.includes("serviceAccountJson") || provider.credentialFields.includes("secretAccessKey")
    ? "credentials set"
    : `${provider.credentialFields.join(", ")} set`;
}

function pricingSummary(provider: ProviderResponse): string {
  const prices = provider.prices.length === 0 ? "catalog prices" : `${provider.prices.length} custom price${provider.prices.length === 1 ? "" : "s"}`;
  return provider.requirePricing ? `${prices}, pricing required` : prices;
}
