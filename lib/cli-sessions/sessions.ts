// CLI sessions: created when a device code is redeemed, refreshed by the CLI
// for short-lived access tokens, listed and revoked in Settings. Admins see
// and revoke every session of the organization; members only their own.
import { db } from "../db";
import { lookupHash } from "../crypto";
import { notFound } from "../api/errors";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { bumpConfigEpoch } from "../cache/config-epoch";
import { OAuthError } from "./oauth-error";
import { CLI_SCOPE, type CliSessionResponse } from "./schemas";
import { newRefreshToken, signAccessToken } from "./tokens";

/** A refresh token stays usable this long after it was last used. */
const SESSION_IDLE_LIFETIME_MS = 30 * 86_400_000;

export interface IssuedTokens {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
}

async function sessionProjectId(organizationId: string): Promise<string> {
  const projects = await db.project.findMany({ where: { organizationId }, select: { id: true, slug: true }, orderBy: { createdAt: "asc" } });
  const project = projects.find((candidate) => candidate.slug === "default") ?? projects[0];
  if (!project) throw new OAuthError("invalid_grant", "The organization has no project to attribute CLI usage to");
  return project.id;
}

/** A new session for the member and its first pair of tokens. */
export async function createCliSession(organizationId: string, membershipId: string, clientName: string): Promise<IssuedTokens> {
  const refreshToken = newRefreshToken();
  const now = new Date();
  const session = await db.cliSession.create({
    data: {
      organizationId,
      membershipId,
      projectId: await sessionProjectId(organizationId),
      clientName,
      refreshTokenHash: lookupHash(refreshToken),
      expiresAt: new Date(now.getTime() + SESSION_IDLE_LIFETIME_MS),
      lastRefreshedAt: now,
    },
  });
  return issue(session, refreshToken);
}

function issue(session: { id: string; membershipId: string; organizationId: string }, refreshToken: string): IssuedTokens {
  const access = signAccessToken({ sessionId: session.id, membershipId: session.membershipId, organizationId: session.organizationId });
  return { access_token: access.token, token_type: "Bearer", expires_in: access.expiresIn, refresh_token: refreshToken, scope: CLI_SCOPE };
}

/**
 * grant_type=refresh_token. The refresh token is kept (not rotated): several
 * CLI processes of one login (`serve`, `status`) may refresh at once.
 */
export async function refreshCliSession(refreshToken: string): Promise<IssuedTokens> {
  const session = await db.cliSession.findUnique({
    where: { refreshTokenHash: lookupHash(refreshToken) },
    select: { id: true, membershipId: true, organizationId: true, revokedAt: true, expiresAt: true },
  });
  if (!session) throw new OAuthError("invalid_grant", "Unknown refresh token; sign in again with `gateway login`");
  if (session.revokedAt) throw new OAuthError("invalid_grant", "This CLI session was revoked; sign in again with `gateway login`");
  const now = new Date();
  if (session.expiresAt <= now) throw new OAuthError("invalid_grant", "This CLI session expired; sign in again with `gateway login`");
  await db.cliSession.update({
    where: { id: session.id },
    data: { lastRefreshedAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_LIFETIME_MS) },
  });
  return issue(session, refreshToken);
}

const sessionSelect = {
  id: true,
  clientName: true,
  membershipId: true,
  createdAt: true,
  lastRefreshedAt: true,
  expiresAt: true,
  revokedAt: true,
  membership: { select: { user: { select: { email: true } } } },
} as const;

type SessionRow = NonNullable<Awaited<ReturnType<typeof db.cliSession.findFirst<{ select: typeof sessionSelect }>>>>;

function toResponse(row: SessionRow, projectSlugs: Map<string, string>, projectId: string): CliSessionResponse {
  return {
    id: row.id,
    clientName: row.clientName,
    memberId: row.membershipId,
    memberEmail: row.membership.user.email,
    project: projectSlugs.get(projectId) ?? "",
    createdAt: row.createdAt.toISOString(),
    lastRefreshedAt: row.lastRefreshedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Sessions still usable (not revoked, not expired), newest first. */
export async function listCliSessions(caller: Caller): Promise<CliSessionResponse[]> {
  const rows = await db.cliSession.findMany({
    where: {
      organizationId: caller.organizationId,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      ...(caller.role === "admin" ? {} : { membershipId: caller.membershipId ?? "-" }),
    },
    select: { ...sessionSelect, projectId: true },
    orderBy: { createdAt: "desc" },
  });
  const projects = await db.project.findMany({ where: { organizationId: caller.organizationId }, select: { id: true, slug: true } });
  const slugs = new Map(projects.map((project) => [project.id, project.slug]));
  return rows.map((row) => toResponse(row, slugs, row.projectId));
}

export async function revokeCliSession(caller: Caller, id: string): Promise<CliSessionResponse> {
  const existing = await db.cliSession.findFirst({
    where: { id, organizationId: caller.organizationId, ...(caller.role === "admin" ? {} : { membershipId: caller.membershipId ?? "-" }) },
    select: { ...sessionSelect, projectId: true },
  });
  if (!existing) throw notFound(`CLI session '${id}'`);
  const row = existing.revokedAt
    ? existing
    : await db.cliSession.update({ where: { id }, data: { revokedAt: new Date() }, select: { ...sessionSelect, projectId: true } });
  // Proxies drop their cached view of the session: its access tokens stop working within a second.
  await bumpConfigEpoch();
  await recordAudit(caller, "cli_session.revoke", { type: "cli_session", id }, { clientName: row.clientName });
  const project = await db.project.findUnique({ where: { id: row.projectId }, select: { id: true, slug: true } });
  return toResponse(row, new Map(project ? [[project.id, project.slug]] : []), row.projectId);
}
