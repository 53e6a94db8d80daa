// Management tokens: bearer credentials for automating the management API as
// an admin of one organization. Stored only as a lookup hash; the secret is
// answered once, at creation.
import type { z } from "zod";
import { db } from "../db";
import { generateSecret, lookupHash, MANAGEMENT_TOKEN_PREFIX } from "../crypto";
import { notFound } from "../api/errors";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import type { createManagementTokenSchema, managementTokenResponseSchema } from "./schemas";

type TokenResponse = z.infer<typeof managementTokenResponseSchema>;

const tokenSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

function toResponse(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }): TokenResponse {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listManagementTokens(organizationId: string): Promise<TokenResponse[]> {
  const rows = await db.managementToken.findMany({ where: { organizationId }, select: tokenSelect, orderBy: { createdAt: "desc" } });
  return rows.map(toResponse);
}

export async function createManagementToken(caller: Caller, input: z.infer<typeof createManagementTokenSchema>) {
  const { secret, visiblePrefix } = generateSecret(MANAGEMENT_TOKEN_PREFIX);
  const row = await db.managementToken.create({
    data: {
      organizationId: caller.organizationId,
      name: input.name,
      prefix: visiblePrefix,
      lookupHash: lookupHash(secret),
      createdByUserId: caller.userId,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    },
    select: tokenSelect,
  });
  await recordAudit(caller, "management_token.create", { type: "management_token", id: row.id }, { name: row.name });
  return { ...toResponse(row), secret };
}

export async function revokeManagementToken(caller: Caller, id: string): Promise<TokenResponse> {
  const existing = await db.managementToken.findFirst({ where: { id, organizationId: caller.organizationId }, select: tokenSelect });
  if (!existing) throw notFound(`Management token '${id}'`);
  const row = existing.revokedAt
    ? existing
    : await db.managementToken.update({ where: { id }, data: { revokedAt: new Date() }, select: tokenSelect });
  await recordAudit(caller, "management_token.revoke", { type: "management_token", id });
  return toResponse(row);
}
