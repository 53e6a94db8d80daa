// Who is calling the management API: a dashboard session, a management token,
// or GATEWAY_ADMIN_TOKEN (admin of the default organization).
import { timingSafeEqual } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { lookupHash, MANAGEMENT_TOKEN_PREFIX } from "../crypto";
import { getSessionUserId } from "../auth/session";
import { ensureDefaultOrganization } from "../organizations/default-organization";
import { ApiError } from "./errors";

export type Role = "admin" | "member";

export interface Caller {
  organizationId: string;
  organizationSlug: string;
  role: Role;
  /** The signed-in user, or the token's creator; null for GATEWAY_ADMIN_TOKEN. */
  userId: string | null;
  membershipId: string | null;
  managementTokenId: string | null;
}

/** Header (or ?org= query) the dashboard sends to pick among a user's organizations. */
export const ORGANIZATION_HEADER = "x-gateway-organization";

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function resolveCaller(request: Request): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return callerFromToken(authorization.slice(7).trim());
  }
  const userId = await getSessionUserId();
  if (!userId) throw new ApiError("unauthorized", "Sign in or send Authorization: Bearer <management token>");
  const wanted = request.headers.get(ORGANIZATION_HEADER) ?? new URL(request.url).searchParams.get("org");
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { id: true, role: true, organization: { select: { id: true, slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  const membership = wanted
    ? memberships.find((candidate) => candidate.organization.slug === wanted || candidate.organization.id === wanted)
    : memberships[0];
  if (!membership) throw new ApiError("forbidden", "You are not a member of this organization");
  return {
    organizationId: membership.organization.id,
    organizationSlug: membership.organization.slug,
    role: membership.role === "admin" ? "admin" : "member",
    userId,
    membershipId: membership.id,
    managementTokenId: null,
  };
}

async function callerFromToken(token: string): Promise<Caller> {
  const adminToken = env().GATEWAY_ADMIN_TOKEN;
  if (adminToken && sameSecret(token, adminToken)) {
    const organization = await ensureDefaultOrganization();
    return {
      organizationId: organization.id,
      organizationSlug: organization.slug,
      role: "admin",
      userId: null,
      membershipId: null,
      managementTokenId: null,
    };
  }
  if (token.startsWith(MANAGEMENT_TOKEN_PREFIX)) {
    const record = await db.managementToken.findUnique({
      where: { lookupHash: lookupHash(token) },
      select: { id: true, revokedAt: true, expiresAt: true, createdByUserId: true, organization: { select: { id: true, slug: true } } },
    });
    if (record && !record.revokedAt && (!record.expiresAt || record.expiresAt > new Date())) {
      void db.managementToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
      return {
        organizationId: record.organization.id,
        organizationSlug: record.organization.slug,
        role: "admin",
        userId: record.createdByUserId,
        membershipId: null,
        managementTokenId: record.id,
      };
    }
  }
  throw new ApiError("unauthorized", "Invalid or revoked management token");
}
