"use client";
// Names for the ids in the log (keys, members, projects) and the choices of the
// filter selects, from the lists the dashboard already reads.
import { useOrganization } from "@/components/organization-context";
import type { SelectOption } from "@/components/ui/select-field";
import { useKeys, useMembers, useProjects } from "../../keys/use-keys";
import { useRoutes } from "../../connect/use-connect-data";

export interface LogLabels {
  keyName: (id: string | null) => string | null;
  memberName: (id: string | null) => string | null;
  options: {
    projects: SelectOption[];
    keys: SelectOption[];
    members: SelectOption[];
    routes: SelectOption[];
    providers: SelectOption[];
  };
}

export function useLogLabels(): LogLabels {
  const { role } = useOrganization();
  const isAdmin = role === "admin";
  const keys = useKeys({ includeRevoked: true });
  const projects = useProjects();
  const members = useMembers(isAdmin);
  const routes = useRoutes();

  const keyNames = new Map((keys.data ?? []).map((key) => [key.id, key.name]));
  const memberNames = new Map((members.data ?? []).map((member) => [member.id, member.email]));
  const any = (label: string): SelectOption => ({ value: "", label });
  const providerSlugs = (routes.data ?? []).filter((route) => route.kind === "provider").map((route) => route.slug);

  return {
    keyName: (id) => (id ? (keyNames.get(id) ?? null) : null),
    memberName: (id) => (id ? (memberNames.get(id) ?? null) : null),
    options: {
      projects: [any("All projects"), ...(projects.data ?? []).map((project) => ({ value: project.slug, label: project.name }))],
      keys: [any("All keys"), ...(keys.data ?? []).map((key) => ({ value: key.id, label: `${key.name} (${key.prefix}…)${key.status === "active" ? "" : ` · ${key.status}`}` }))],
      members: isAdmin ? [any("Everyone"), { value: "none", label: "Project keys (no member)" }, ...(members.data ?? []).map((member) => ({ value: member.id, label: member.email }))] : [],
      routes: [any("All routes"), ...(routes.data ?? []).map((route) => ({ value: route.slug, label: route.kind === "group" ? `${route.slug} (group)` : route.slug }))],
      providers: [any("All providers"), ...providerSlugs.map((slug) => ({ value: slug, label: slug }))],
    },
  };
}
