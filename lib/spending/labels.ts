// Human labels for breakdown rows. Ids are looked up within the organization
// only, and only the label fields are selected.
import { db } from "../db";
import type { SpendingGroup } from "./schemas";

/** Label of the row whose dimension is "none" (stored as ""). */
export const NONE_LABELS: Record<SpendingGroup, string> = {
  project: "No project",
  member: "Project keys",
  key: "No key",
  provider: "No provider",
  model: "Unknown model",
};

/** Labels of rows whose record was deleted since (a removed member, a deleted project). */
const REMOVED_LABELS: Record<SpendingGroup, string> = {
  project: "Deleted project",
  member: "Removed member",
  key: "Deleted key",
  provider: "",
  model: "",
};

export async function resolveLabels(organizationId: string, groupBy: SpendingGroup, ids: string[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (ids.length === 0) return labels;
  if (groupBy === "project") {
    const projects = await db.project.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true, name: true } });
    for (const project of projects) labels.set(project.id, project.name);
  } else if (groupBy === "member") {
    const memberships = await db.membership.findMany({
      where: { organizationId, id: { in: ids } },
      select: { id: true, user: { select: { email: true } } },
    });
    for (const membership of memberships) labels.set(membership.id, membership.user.email);
  } else if (groupBy === "key") {
    const keys = await db.apiKey.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true, name: true } });
    for (const key of keys) labels.set(key.id, key.name);
    // Usage through `gateway` CLI sessions carries the session's id in the key column.
    const sessionIds = ids.filter((id) => !labels.has(id));
    if (sessionIds.length > 0) {
      const sessions = await db.cliSession.findMany({ where: { organizationId, id: { in: sessionIds } }, select: { id: true, clientName: true } });
      for (const session of sessions) labels.set(session.id, `CLI: ${session.clientName}`);
    }
  }
  // Providers and models are labelled by their slug / name as recorded.
  for (const id of ids) if (!labels.has(id)) labels.set(id, REMOVED_LABELS[groupBy] || id);
  return labels;
}
