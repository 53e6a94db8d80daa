"use client";
// Settings › Gateway: the master switch and the base URL SDKs use.
import { CopyButton } from "@/components/ui/copy-button";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingRows } from "@/components/ui/query-states";
import { Switch } from "@/components/ui/switch";
import { useUpdateGateway } from "./use-update-gateway";
import { useGatewaySettings } from "./use-settings";

export function GatewaySection() {
  const gateway = useGatewaySettings();
  const update = useUpdateGateway();
  const enabled = update.isPending && update.variables.patch.enabled !== undefined ? update.variables.patch.enabled : gateway.data?.enabled;

  return (
    <Panel id="gateway" title="Gateway" description="When the gateway is off, every request through it is refused with gateway_disabled.">
      {gateway.isPending ? (
        <LoadingRows rows={1} label="Loading gateway settings" />
      ) : gateway.isError ? (
        <ErrorState error={gateway.error} onRetry={() => gateway.refetch()} />
      ) : (
        <div className="flex flex-col gap-5">
          <Switch
            label="Gateway enabled"
            description={enabled ? "Requests with a valid key are forwarded." : "Requests are refused (403 gateway_disabled)."}
            checked={enabled ?? false}
            disabled={update.isPending}
            onChange={(checked) =>
              update.mutate({ patch: { enabled: checked }, successMessage: checked ? "The gateway is on" : "The gateway is off" })
            }
          />
          <div className="flex flex-col gap-1.5">
            <span className="text-sm font-medium">Base URL</span>
            <div className="flex flex-wrap items-center gap-2">
              <code className="rounded-md border border-border bg-surface-muted px-3 py-2 text-xs">{gateway.data.baseUrl}</code>
              <CopyButton value={gateway.data.baseUrl} what="Base URL" />
            </div>
            <p className="text-xs text-muted">
              SDKs call <code>{gateway.data.baseUrl}/&lt;provider or group slug&gt;/…</code>. Set <code>GATEWAY_PUBLIC_URL</code> on the server to change it.
            </p>
          </div>
        </div>
      )}
    </Panel>
  );
}
