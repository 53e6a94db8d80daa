// The public shape of a key: never its secret or hash. Spend is read from the
// counters of the current windows so the dashboard can draw a bar per limit.
import { db } from "../db";
import { microsToUsd, microsToUsdOrNull } from "../money";
import { LIMIT_WINDOWS } from "../limits/windows";
import { windowSpend } from "../limits/window-spend";
import type { KeyResponse } from "./schemas";

export const keySelect = {
  id: true,
  name: true,
  kind: true,
  prefix: true,
  ownerMembershipId: true,
  owner: { select: { user: { select: { email: true } } } },
  project: { select: { slug: true } },
  expiresAt: true,
  disabled: true,
  revokedAt: true,
  dailyLimitMicros: true,
  weeklyLimitMicros: true,
  monthlyLimitMicros: true,
  totalLimitMicros: true,
  lastUsedAt: true,
  createdAt: true,
} as const;

export type KeyRow = NonNullable<Awaited<ReturnType<typeof db.apiKey.findFirst<{ select: typeof keySelect }>>>>;

function keyStatus(row: KeyRow, now: Date): KeyResponse["status"] {
  if (row.revokedAt) return "revoked";
  if (row.disabled) return "disabled";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

export async function currentKeySpend(keyId: string, now = new Date()): Promise<KeyResponse["spend"]> {
  const spent = await windowSpend("key", keyId, LIMIT_WINDOWS, now);
  return {
    daily: microsToUsd(spent.daily),
    weekly: microsToUsd(spent.weekly),
    monthly: microsToUsd(spent.monthly),
    total: microsToUsd(spent.total),
  };
}

export async function toKeyResponse(row: KeyRow): Promise<KeyResponse> {
  const now = new Date();
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === "personal" ? "personal" : "project",
    project: row.project.slug,
    owner: row.ownerMembershipId,
    ownerEmail: row.owner?.user.email ?? null,
    prefix: row.prefix,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    disabled: row.disabled,
    revoked: row.revokedAt !== null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: keyStatus(row, now),
    limits: {
      daily: microsToUsdOrNull(row.dailyLimitMicros),
      weekly: microsToUsdOrNull(row.weeklyLimitMicros),
      monthly: microsToUsdOrNull(row.monthlyLimitMicros),
      total: microsToUsdOrNull(row.totalLimitMicros),
    },
    spend: await currentKeySpend(row.id, now),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
