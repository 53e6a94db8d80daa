// Who may see which usage: admins see their whole organization; members only
// what went through their own personal keys (rows carrying their membership id).
// The request log and the spending charts both filter through here.
import type { Caller } from "../api/caller";

export type UsageViewer = Pick<Caller, "organizationId" | "role" | "membershipId">;

/**
 * The row filter for a viewer, or null when the viewer can see nothing (a
 * member caller without a membership cannot own personal keys).
 */
export function visibleUsageFilter(viewer: UsageViewer): { organizationId: string; membershipId?: string } | null {
  if (viewer.role === "admin") return { organizationId: viewer.organizationId };
  if (!viewer.membershipId) return null;
  return { organizationId: viewer.organizationId, membershipId: viewer.membershipId };
}
