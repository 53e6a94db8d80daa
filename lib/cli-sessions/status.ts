// What `gateway status` shows: who the credential signs in as, the member's
// spend in each window against their limits, and the routes they can call.
import { ApiError } from "../api/errors";
import { findKeyByHash, type CachedKey } from "../cache/key-cache";
import { lookupHash } from "../crypto";
import { db } from "../db";
import { windowSpend } from "../limits/window-spend";
import { microsToUsd, microsToUsdOrNull } from "../money";
import { listRoutes, type ModelLister } from "../routes/service";
import { authenticateAccessToken } from "./proxy-credential";
import type { CliStatusResponse } from "./schemas";
import { isAccessToken } from "./tokens";

async function credentialKey(token: string): Promise<CachedKey> {
  if (isAccessToken(token)) {
    const result = await authenticateAccessToken(token);
    if (!result.ok) throw new ApiError("unauthorized", `CLI access token ${result.reason}`);
    return result.key;
  }
  const key = await findKeyByHash(lookupHash(token));
  if (!key || key.revoked || key.disabled || (key.expiresAt !== null && key.expiresAt <= Date.now())) {
    throw new ApiError("unauthorized", "Unknown, revoked, disabled or expired key");
  }
  if (key.kind !== "personal" || !key.membershipId) throw new ApiError("forbidden", "`gateway login --token` needs a personal key, not a project key");
  return key;
}

export async function cliStatus(request: Request, listModels: ModelLister): Promise<CliStatusResponse> {
  const match = /^bearer\s+(.+)$/i.exec(request.headers.get("authorization")?.trim() ?? "");
  if (!match) throw new ApiError("unauthorized", "Send Authorization: Bearer <CLI access token or personal key>");
  const token = match[1].trim();
  const key = await credentialKey(token);
  const membership = await db.membership.findUnique({
    where: { id: key.membershipId! },
    select: {
      id: true,
      role: true,
      dailyLimitMicros: true,
      weeklyLimitMicros: true,
      monthlyLimitMicros: true,
      user: { select: { email: true } },
      organization: { select: { slug: true } },
    },
  });
  if (!membership) throw new ApiError("unauthorized", "The member this credential belongs to was removed");
  const spent = await windowSpend("member", membership.id, ["daily", "weekly", "monthly"] as const);
  const routes = await listRoutes(key.organizationId, listModels);
  // What this credential (the CLI session, or the personal key) has done so far.
  const usage = await db.usageRecord.aggregate({ where: { apiKeyId: key.id }, _count: { _all: true }, _sum: { costMicros: true } });
  return {
    credential: isAccessToken(token) ? "cli-session" : "personal-key",
    sessionId: isAccessToken(token) ? key.id : null,
    organization: membership.organization.slug,
    member: { id: membership.id, email: membership.user.email, role: membership.role === "admin" ? "admin" : "member" },
    spend: { daily: microsToUsd(spent.daily), weekly: microsToUsd(spent.weekly), monthly: microsToUsd(spent.monthly) },
    limits: {
      daily: microsToUsdOrNull(membership.dailyLimitMicros),
      weekly: microsToUsdOrNull(membership.weeklyLimitMicros),
      monthly: microsToUsdOrNull(membership.monthlyLimitMicros),
    },
    usage: { requests: usage._count._all, costUsd: microsToUsd(usage._sum.costMicros ?? 0n) },
    routes: routes.map((route) => ({ slug: route.slug, type: route.type, providerTypes: route.providerTypes, models: route.models })),
  };
}
