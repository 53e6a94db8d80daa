"use client";
// PATCH /api/v1/gateway from the Settings tab. The page shell reads "enabled"
// on the server (the "gateway is off" banner), so it is refreshed too.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { GatewayUpdateInput, GatewayView } from "@/lib/setup/operations";
import { useRefreshSettings } from "./use-settings";

/** The PATCH body as sent: OTLP headers may be the "name=value,…" text, which the API parses. */
export type GatewayPatch = Omit<GatewayUpdateInput, "telemetry"> & {
  telemetry?: Omit<NonNullable<GatewayUpdateInput["telemetry"]>, "otlpHeaders"> & { otlpHeaders?: string | Record<string, string> | null };
};

export function useUpdateGateway() {
  const { slug } = useOrganization();
  const refresh = useRefreshSettings();
  const router = useRouter();
  return useMutation({
    mutationFn: (body: GatewayPatch) => apiFetch<GatewayView>(slug, "gateway", { method: "PATCH", body }),
    onSuccess: async (_, body) => {
      await refresh("gateway");
      if (body.enabled !== undefined) router.refresh();
    },
  });
}
