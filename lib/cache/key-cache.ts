// The proxy's view of a gateway key, found by lookup hash through a cache.
// Invalidated by the config epoch, so revoke/disable/limit changes apply
// within a second on every process.
import { db } from "../db";
import { TtlCache } from "./ttl-cache";

export interface CachedKey {
  id: string;
  name: string;
  organizationId: string;
  projectId: string;
  projectSlug: string;
  kind: "project" | "personal";
  membershipId: string | null;
  expiresAt: number | null;
  disabled: boolean;
  revoked: boolean;
  limits: { daily: bigint | null; weekly: bigint | null; monthly: bigint | null; total: bigint | null };
  memberLimits: { daily: bigint | null; weekly: bigint | null; monthly: bigint | null } | null;
}

const cache = new TtlCache<CachedKey | null>(30_000);

export function findKeyByHash(hash: string): Promise<CachedKey | null> {
  return cache.get(hash, () => loadKey(hash));
}

async function loadKey(hash: string): Promise<CachedKey | null> {
  const row = await db.apiKey.findUnique({
    where: { lookupHash: hash },
    select: {
      id: true,
      name: true,
      organizationId: true,
      projectId: true,
      project: { select: { slug: true } },
      kind: true,
      ownerMembershipId: true,
      expiresAt: true,
      disabled: true,
      revokedAt: true,
      dailyLimitMicros: true,
      weeklyLimitMicros: true,
      monthlyLimitMicros: true,
      totalLimitMicros: true,
      owner: { select: { dailyLimitMicros: true, weeklyLimitMicros: true, monthlyLimitMicros: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organizationId,
    projectId: row.projectId,
    projectSlug: row.project.slug,
    kind: row.kind === "personal" ? "personal" : "project",
    membershipId: row.ownerMembershipId,
    expiresAt: row.expiresAt?.getTime() ?? null,
    disabled: row.disabled,
    revoked: row.revokedAt !== null,
    limits: {
      daily: row.dailyLimitMicros,
      weekly: row.weeklyLimitMicros,
      monthly: row.monthlyLimitMicros,
      total: row.totalLimitMicros,
    },
    memberLimits:
      row.kind === "personal" && row.owner
        ? { daily: row.owner.dailyLimitMicros, weekly: row.owner.weeklyLimitMicros, monthly: row.owner.monthlyLimitMicros }
        : null,
  };
}
