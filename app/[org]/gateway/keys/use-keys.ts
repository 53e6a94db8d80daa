"use client";
// The API Keys tab's data — keys, projects, members — and every change to a
// key, each followed by a toast and a refetch of the lists. Connect and the
// Playground read keys and projects through the same queries.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { CreateKeyInput, KeyResponse, UpdateKeyInput } from "@/lib/keys/schemas";
import type { MemberResponse } from "@/lib/members/schemas";
import type { KeyHoldsItem, KeyHoldsReport } from "@/lib/spending/key-holds-schemas";
import { rememberKeySecret } from "./use-key-secret";

export type CreatedKey = KeyResponse & { secret: string };
export interface Project {
  id: string;
  name: string;
  slug: string;
}

export const keysQueryKey = (organizationSlug: string) => ["keys", organizationSlug] as const;

export function useKeys(options: { includeRevoked?: boolean } = {}) {
  const { slug } = useOrganization();
  const includeRevoked = options.includeRevoked ?? false;
  return useQuery({
    queryKey: [...keysQueryKey(slug), { includeRevoked }],
    queryFn: ({ signal }) => apiFetch<KeyResponse[]>(slug, `keys${includeRevoked ? "?includeRevoked=true" : ""}`, { signal }),
  });
}

/** Per key: room held by running proxies and today's refusals; refreshed with the keys. */
export function useKeyHolds() {
  const { slug } = useOrganization();
  return useQuery({
    queryKey: [...keysQueryKey(slug), "holds"],
    queryFn: async ({ signal }) => {
      const report = await apiFetch<KeyHoldsReport>(slug, "spending/keys", { signal });
      return new Map<string, KeyHoldsItem>(report.items.map((item) => [item.keyId, item]));
    },
  });
}

export function useProjects() {
  const { slug } = useOrganization();
  return useQuery({ queryKey: ["projects", slug], queryFn: ({ signal }) => apiFetch<Project[]>(slug, "projects", { signal }) });
}

/** Members (owners of personal keys); a member only gets themselves back. */
export function useMembers(enabled = true) {
  const { slug } = useOrganization();
  return useQuery({ queryKey: ["members", slug], queryFn: ({ signal }) => apiFetch<MemberResponse[]>(slug, "members", { signal }), enabled });
}

function useInvalidateKeys() {
  const { slug } = useOrganization();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keysQueryKey(slug) });
}

export function useCreateKey() {
  const { slug } = useOrganization();
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (body: CreateKeyInput) => apiFetch<CreatedKey>(slug, "keys", { body }),
    onSuccess: (key) => {
      rememberKeySecret(key.id, key.secret);
      toast.success(`Key “${key.name}” created`);
      return invalidate();
    },
  });
}

export function useUpdateKey() {
  const { slug } = useOrganization();
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: ({ key, body }: { key: KeyResponse; body: UpdateKeyInput }) =>
      apiFetch<KeyResponse>(slug, `keys/${encodeURIComponent(key.id)}`, { method: "PATCH", body }),
    onSuccess: (key, { body }) => {
      const onlyToggle = Object.keys(body).length === 1 && body.disabled !== undefined;
      toast.success(onlyToggle ? `Key “${key.name}” ${body.disabled ? "disabled" : "enabled"}` : `Key “${key.name}” saved`);
      return invalidate();
    },
    onError: (error) => toast.error(error.message),
  });
}

export function useRevokeKey() {
  const { slug } = useOrganization();
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (key: KeyResponse) => apiFetch<KeyResponse>(slug, `keys/${encodeURIComponent(key.id)}`, { method: "DELETE" }),
    onSuccess: (key) => {
      toast.success(`Key “${key.name}” revoked`);
      return invalidate();
    },
    onError: (error) => toast.error(error.message),
  });
}

/** Asks the server for a key's secret and remembers it for this browser session. */
export function useRevealKey() {
  const { slug } = useOrganization();
  return useMutation({
    mutationFn: async (keyId: string) => {
      const { secret } = await apiFetch<{ secret: string }>(slug, `keys/${encodeURIComponent(keyId)}/reveal`, { method: "POST" });
      rememberKeySecret(keyId, secret);
      return secret;
    },
    onError: (error) => toast.error(error.message),
  });
}
