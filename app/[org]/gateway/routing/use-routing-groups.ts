"use client";
// The Routing tab's data: groups, the providers they can use, and changes
// (each with a toast and a refetch).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { ProviderResponse } from "@/lib/providers/schemas";
import type { CreateRoutingGroupInput, RoutingGroupResponse, UpdateRoutingGroupInput } from "@/lib/routing/schemas";

const groupsKey = (organizationSlug: string) => ["routing-groups", organizationSlug] as const;

export function useRoutingGroups() {
  const { slug } = useOrganization();
  return useQuery({ queryKey: groupsKey(slug), queryFn: ({ signal }) => apiFetch<RoutingGroupResponse[]>(slug, "routing-groups", { signal }) });
}

/** Providers that can be group members: BYOK ones and activated built-ins (the same query as the Providers tab). */
export function useMemberCandidates() {
  const { slug } = useOrganization();
  return useQuery({
    queryKey: ["providers", slug],
    queryFn: ({ signal }) => apiFetch<ProviderResponse[]>(slug, "providers", { signal }),
    select: (providers) => providers.filter((provider) => !provider.id.startsWith("built-in:")),
  });
}

export function useSaveGroup() {
  const { slug } = useOrganization();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { existing: string | null; body: CreateRoutingGroupInput }) => {
      if (input.existing === null) return apiFetch<RoutingGroupResponse>(slug, "routing-groups", { body: input.body });
      const update: UpdateRoutingGroupInput = { name: input.body.name ?? null, members: input.body.members };
      return apiFetch<RoutingGroupResponse>(slug, `routing-groups/${encodeURIComponent(input.existing)}`, { method: "PATCH", body: update });
    },
    onSuccess: (group, input) => {
      toast.success(input.existing === null ? `Routing group ${group.slug} created` : `Routing group ${group.slug} saved`);
      return invalidateGroupsAndRoutes(queryClient, slug);
    },
  });
}

export function useDeleteGroup() {
  const { slug } = useOrganization();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (group: string) => apiFetch<void>(slug, `routing-groups/${encodeURIComponent(group)}`, { method: "DELETE" }),
    onSuccess: (_, group) => {
      toast.success(`Routing group ${group} deleted`);
      return invalidateGroupsAndRoutes(queryClient, slug);
    },
    onError: (error) => toast.error(error.message),
  });
}

/** Groups are routes too: Connect and the Playground list them. */
function invalidateGroupsAndRoutes(queryClient: ReturnType<typeof useQueryClient>, slug: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: groupsKey(slug) }),
    queryClient.invalidateQueries({ queryKey: ["routes", slug] }),
  ]);
}
