// How the proxy accepts a CLI access token: the signature and expiry are
// checked in memory, then the session is read through a cache that the
// config epoch clears (revocation bumps it), so steady-state requests cost no
// database round trip. The session then acts as one of the member's personal
// keys: member limits apply and usage is attributed to the member (the
// session's id stands in the key column, its project is the org's default).
import { db } from "../db";
import type { CachedKey } from "../cache/key-cache";
import { TtlCache } from "../cache/ttl-cache";
import { verifyAccessToken } from "./tokens";

export type AccessTokenResult =
  | { ok: true; key: CachedKey }
  | { ok: false; reason: "invalid" | "expired" | "revoked" };

const cache = new TtlCache<CachedKey | null>(30_000);

export async function authenticateAccessToken(token: string, now = Date.now()): Promise<AccessTokenResult> {
  const check = verifyAccessToken(token, now);
  if (!check.valid) return { ok: false, reason: check.reason === "expired" ? "expired" : "invalid" };
  const key = await cache.get(check.payload.sid, () => loadSession(check.payload.sid));
  // A token is only good for the member and organization it was signed for.
  if (!key || key.membershipId !== check.payload.mid || key.organizationId !== check.payload.oid) return { ok: false, reason: "invalid" };
  if (key.revoked) return { ok: false, reason: "revoked" };
  return { ok: true, key };
}

async function loadSession(sessionId: string): Promise<CachedKey | null> {
  const row = await db.cliSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      clientName: true,
      organizationId: true,
      projectId: true,
      membershipId: true,
      revokedAt: true,
      expiresAt: true,
      membership: { select: { dailyLimitMicros: true, weeklyLimitMicros: true, monthlyLimitMicros: true } },
    },
  });
  if (!row) return null;
  const project = await db.project.findUnique({ where: { id: row.projectId }, select: { slug: true } });
  return {
    id: row.id,
    name: row.clientName,
    organizationId: row.organizationId,
    projectId: row.projectId,
    projectSlug: project?.slug ?? "",
    kind: "personal",
    membershipId: row.membershipId,
    expiresAt: null,
    disabled: false,
    // A session past its idle lifetime can no longer refresh; its last access token dies with it.
    revoked: row.revokedAt !== null || row.expiresAt.getTime() <= Date.now(),
    limits: { daily: null, weekly: null, monthly: null, total: null },
    memberLimits: {
      daily: row.membership.dailyLimitMicros,
      weekly: row.membership.weeklyLimitMicros,
      monthly: row.membership.monthlyLimitMicros,
    },
  };
}
