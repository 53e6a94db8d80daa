"use client";
// PATCH /api/v1/gateway from the Settings tab. The page shell reads "enabled"
// on the server (the "gateway is off" banner), so it is refreshed too.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { GatewayUpdateInput, GatewayView } from "@/lib/setup/operations";
import { useRefreshSettings } from "./use-settings";

/** The PATCH body as sent: OTLP headers may be the "name=value,…" text, which the API parses. */
export type GatewayPatch = Omit<GatewayUpdateInput, "telemetry"> & {
  telemetry?: Omit<NonNullable<GatewayUpdateInput["telemetry"]>, "otlpHeaders"> & { otlpHeaders?: string | Record<string, string> | null };
};

/** One change and the toast that confirms it. */
export interface GatewayChange {
  patch: GatewayPatch;
  successMessage: string;
}

export function useUpdateGateway() {
  const { slug } = useOrganization();
  const refresh = useRefreshSettings();
  const router = useRouter();
  // The toasts live here, not in mutate()'s callbacks: the refresh below can
  // remount the form that asked (its key follows the saved settings), and
  // TanStack Query drops a mutate() callback whose component has unmounted.
  return useMutation({
    mutationFn: ({ patch }: GatewayChange) => apiFetch<GatewayView>(slug, "gateway", { method: "PATCH", body: patch }),
    onSuccess: async (_, { patch, successMessage }) => {
      toast.success(successMessage);
      await refresh("gateway");
      if (patch.enabled !== undefined) router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });
}
