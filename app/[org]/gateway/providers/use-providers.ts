"use client";
// The Providers tab's data: the list and every change to it, each change
// followed by a toast and a refetch of the list.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { CreateProviderInput, ProviderResponse, UpdateProviderInput } from "@/lib/providers/schemas";
import type { TestConnectionResult } from "@/lib/providers/test-connection";

export const providersQueryKey = (organizationSlug: string) => ["providers", organizationSlug] as const;

export function useProviders() {
  const { slug } = useOrganization();
  return useQuery({ queryKey: providersQueryKey(slug), queryFn: ({ signal }) => apiFetch<ProviderResponse[]>(slug, "providers", { signal }) });
}

function useInvalidateProviders() {
  const { slug } = useOrganization();
  const queryClient = useQueryClient();
  // Routing groups show provider slugs and Connect/Playground list routes, so refresh them along.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: providersQueryKey(slug) }),
      queryClient.invalidateQueries({ queryKey: ["routing-groups", slug] }),
      queryClient.invalidateQueries({ queryKey: ["routes", slug] }),
    ]);
}

export function useCreateProvider() {
  const { slug } = useOrganization();
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: (body: CreateProviderInput) => apiFetch<ProviderResponse>(slug, "providers", { body }),
    onSuccess: (provider) => {
      toast.success(`Provider ${provider.name} added`);
      return invalidate();
    },
  });
}

export function useUpdateProvider() {
  const { slug } = useOrganization();
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: ({ provider, body }: { provider: string; body: UpdateProviderInput }) =>
      apiFetch<ProviderResponse>(slug, `providers/${encodeURIComponent(provider)}`, { method: "PATCH", body }),
    onSuccess: (provider, { body }) => {
      const keys = Object.keys(body);
      const message =
        keys.length === 1 && body.enabled !== undefined
          ? `${provider.name} ${body.enabled ? (provider.kind === "built-in" ? "activated" : "enabled") : provider.kind === "built-in" ? "deactivated" : "disabled"}`
          : `${provider.name} saved`;
      toast.success(message);
      return invalidate();
    },
  });
}

export function useDeleteProvider() {
  const { slug } = useOrganization();
  const invalidate = useInvalidateProviders();
  return useMutation({
    mutationFn: (provider: ProviderResponse) => apiFetch<void>(slug, `providers/${encodeURIComponent(provider.slug)}`, { method: "DELETE" }),
    onSuccess: (_, provider) => {
      toast.success(`Provider ${provider.name} removed`);
      return invalidate();
    },
    onError: (error) => toast.error(error.message),
  });
}

export function useTestConnection() {
  const { slug } = useOrganization();
  return useMutation({
    mutationFn: ({ provider, model }: { provider: string; model?: string }) =>
      apiFetch<TestConnectionResult>(slug, `providers/${encodeURIComponent(provider)}/test`, { body: model ? { model } : {} }),
    onError: (error) => toast.error(error.message),
  });
}
