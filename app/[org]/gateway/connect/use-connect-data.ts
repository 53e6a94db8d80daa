"use client";
// What Connect and the Playground read besides keys: the routes a key can call
// (with known models) and the gateway's public base URL.
import { useQuery } from "@tanstack/react-query";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { RouteSummary } from "@/lib/routes/operations";
import type { GatewayView } from "@/lib/setup/operations";

export const routesQueryKey = (organizationSlug: string) => ["routes", organizationSlug] as const;

export function useRoutes() {
  const { slug } = useOrganization();
  return useQuery({
    queryKey: routesQueryKey(slug),
    queryFn: ({ signal }) => apiFetch<RouteSummary[]>(slug, "routes", { signal }),
    staleTime: 60_000,
  });
}

export function useGatewayInfo() {
  const { slug } = useOrganization();
  return useQuery({ queryKey: ["gateway", slug], queryFn: ({ signal }) => apiFetch<GatewayView>(slug, "gateway", { signal }) });
}
