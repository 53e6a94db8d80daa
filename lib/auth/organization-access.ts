// What the signed-in user may see of one organization: whether they belong to
// it, with which role, and which other organizations they can switch to.
import { cache } from "react";
import { db } from "../db";
import { getSessionUser, type SessionUser } from "./session";

export type OrganizationRole = "admin" | "member";

export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  role: OrganizationRole;
}

export type OrganizationAccess =
  | { status: "signed-out" }
  | { status: "not-a-member"; user: SessionUser }
  | { status: "member"; user: SessionUser; organization: OrganizationSummary; membershipId: string; organizations: OrganizationSummary[] };

/** The signed-in user's organizations, oldest membership first. */
export const listUserOrganizations = cache(async (userId: string): Promise<(OrganizationSummary & { membershipId: string })[]> => {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  return memberships.map((membership) => ({
    ...membership.organization,
    role: membership.role === "admin" ? "admin" : "member",
    membershipId: membership.id,
  }));
});

/** Memoised per request: the layout and the page below it share one lookup. */
export const getOrganizationAccess = cache(async (organizationSlug: string): Promise<OrganizationAccess> => {
  const user = await getSessionUser();
  if (!user) return { status: "signed-out" };
  const organizations = await listUserOrganizations(user.id);
  const current = organizations.find((organization) => organization.slug === organizationSlug);
  if (!current) return { status: "not-a-member", user };
  const { membershipId, ...organization } = current;
  return {
    status: "member",
    user,
    organization,
    membershipId,
    organizations: organizations.map(({ membershipId: _unused, ...summary }) => summary),
  };
});
