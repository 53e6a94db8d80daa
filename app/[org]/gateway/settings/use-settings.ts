"use client";
// The Settings tab's reads. Each section owns its changes (mutations) and
// refreshes these queries after them.
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { managementTokenResponseSchema } from "@/lib/management-tokens/schemas";
import type { MemberResponse } from "@/lib/members/schemas";
import type { GatewayView } from "@/lib/setup/operations";

export type ManagementToken = z.infer<typeof managementTokenResponseSchema>;
export interface AuditEntry {
  id: string;
  time: string;
  action: string;
  actor: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}
export interface AuditPage {
  items: AuditEntry[];
  nextBefore: string | null;
}
export interface Project {
  id: string;
  name: string;
  slug: string;
}

export const settingsKeys = {
  gateway: (organization: string) => ["gateway", organization] as const,
  projects: (organization: string) => ["projects", organization] as const,
  tokens: (organization: string) => ["management-tokens", organization] as const,
  members: (organization: string) => ["members", organization] as const,
  audit: (organization: string) => ["audit-log", organization] as const,
};

export function useGatewaySettings() {
  const { slug } = useOrganization();
  return useQuery({ queryKey: settingsKeys.gateway(slug), queryFn: ({ signal }) => apiFetch<GatewayView>(slug, "gateway", { signal }) });
}

export function useProjects() {
  const { slug } = useOrganization();
  return useQuery({ queryKey: settingsKeys.projects(slug), queryFn: ({ signal }) => apiFetch<Project[]>(slug, "projects", { signal }) });
}

export function useManagementTokens() {
  const { slug } = useOrganization();
  return useQuery({ queryKey: settingsKeys.tokens(slug), queryFn: ({ signal }) => apiFetch<ManagementToken[]>(slug, "management-tokens", { signal }) });
}

export function useMembers() {
  const { slug } = useOrganization();
  return useQuery({ queryKey: settingsKeys.members(slug), queryFn: ({ signal }) => apiFetch<MemberResponse[]>(slug, "members", { signal }) });
}

export const AUDIT_PAGE_SIZE = 25;

export function useAuditLog() {
  const { slug } = useOrganization();
  return useInfiniteQuery({
    queryKey: settingsKeys.audit(slug),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditPage>(slug, `audit-log?limit=${AUDIT_PAGE_SIZE}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ""}`, { signal }),
    getNextPageParam: (page) => page.nextBefore,
  });
}

/** After any settings change: refresh what changed and the audit log that recorded it. */
export function useRefreshSettings() {
  const { slug } = useOrganization();
  const queryClient = useQueryClient();
  return (key: keyof typeof settingsKeys) =>
    Promise.all([queryClient.invalidateQueries({ queryKey: settingsKeys[key](slug) }), queryClient.invalidateQueries({ queryKey: settingsKeys.audit(slug) })]);
}
