"use client";
// Settings › Gateway: the master switch and the base URL SDKs use.
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingRows } from "@/components/ui/query-states";
import { Switch } from "@/components/ui/switch";
import { currentOrigin, shownBaseUrl } from "@/lib/dashboard/shown-base-url";
import { useUpdateGateway } from "./use-update-gateway";
import { useGatewaySettings } from "./use-settings";

export function GatewaySection() {
  const gateway = useGatewaySettings();
  const update = useUpdateGateway();
  const [confirmingOff, setConfirmingOff] = useState(false);
  const enabled = update.isPending && update.variables.enabled !== undefined ? update.variables.enabled : gateway.data?.enabled;
  const turn = (checked: boolean) =>
    update.mutate(
      { enabled: checked },
      {
        onSuccess: () => {
          setConfirmingOff(false);
          toast.success(checked ? "The gateway is on" : "The gateway is off");
        },
        onError: (error) => toast.error(error.message),
      },
    );
  const baseUrl = gateway.data ? shownBaseUrl(gateway.data, currentOrigin()) : "";

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
            // Turning it off stops all traffic at once: ask first. Turning it on needs no confirmation.
            onChange={(checked) => (checked ? turn(true) : setConfirmingOff(true))}
          />
          <div className="flex flex-col gap-1.5">
            <span className="text-sm font-medium">Base URL</span>
            <div className="flex flex-wrap items-center gap-2">
              <code className="rounded-md border border-border bg-surface-muted px-3 py-2 text-xs">{baseUrl}</code>
              <CopyButton value={baseUrl} what="Base URL" />
            </div>
            <p className="text-xs text-muted">
              SDKs call <code>{baseUrl}/&lt;provider or group slug&gt;/…</code>.{" "}
              {gateway.data.baseUrlConfigured ? (
                <>
                  It comes from <code>GATEWAY_PUBLIC_URL</code> on the server.
                </>
              ) : (
                <>
                  <code>GATEWAY_PUBLIC_URL</code> is not set, so this is the address you opened the dashboard at. Set it on the server (e.g.{" "}
                  <code>GATEWAY_PUBLIC_URL=https://gateway.example.com</code>) and restart, so every snippet shows the address your applications use.
                </>
              )}
            </p>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={confirmingOff}
        onClose={() => setConfirmingOff(false)}
        onConfirm={() => turn(false)}
        title="Turn the gateway off?"
        confirmLabel="Turn off"
        pending={update.isPending}
      >
        Every request through the gateway will be refused with 403 gateway_disabled until it is turned back on — all applications and members of this organization, at once.
      </ConfirmDialog>
    </Panel>
  );
}
