// Gateway API keys: project keys (admins) and personal keys (one member's).
// The plaintext exists once at creation and, encrypted, for reveal; the proxy
// finds a key only by its SHA-256 lookup hash.
import { db } from "../db";
import { decrypt, encrypt, generateSecret, lookupHash } from "../crypto";
import { ApiError, forbidden, notFound } from "../api/errors";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { bumpConfigEpoch } from "../cache/config-epoch";
import { usdToMicros } from "../money";
import { resolveProject } from "../projects/service";
import { forgetLimitCounters } from "../limits/forget-counters";
import { keySelect, toKeyResponse, type KeyRow } from "./key-response";
import type { CreateKeyInput, KeyResponse, UpdateKeyInput } from "./schemas";

type Limits = CreateKeyInput["limits"];

function limitColumns(limits: Limits) {
  if (!limits) return {};
  const column = (value: number | null | undefined) => (value === undefined ? undefined : value === null ? null : usdToMicros(value));
  return {
    dailyLimitMicros: column(limits.daily),
    weeklyLimitMicros: column(limits.weekly),
    monthlyLimitMicros: column(limits.monthly),
    totalLimitMicros: column(limits.total),
  };
}

async function resolveOwner(caller: Caller, owner: string | undefined): Promise<string> {
  if (!owner) {
    if (!caller.membershipId) throw new ApiError("invalid_body", "owner (a member id) is required for a personal key created with a token");
    return caller.membershipId;
  }
  if (caller.role !== "admin" && owner !== caller.membershipId) throw forbidden("Members can only create their own personal keys");
  const membership = await db.membership.findFirst({ where: { id: owner, organizationId: caller.organizationId }, select: { id: true } });
  if (!membership) throw notFound(`Member '${owner}'`);
  return membership.id;
}

export async function createKey(caller: Caller, input: CreateKeyInput): Promise<KeyResponse & { secret: string }> {
  if (input.kind === "project" && caller.role !== "admin") throw forbidden("Only admins can create project keys");
  const ownerMembershipId = input.kind === "personal" ? await resolveOwner(caller, input.owner) : null;
  if (input.kind === "project" && input.owner) throw new ApiError("invalid_body", "owner applies to personal keys only");
  const project = await resolveProject(caller.organizationId, input.project);
  const { secret, visiblePrefix } = generateSecret();
  const row = await db.apiKey.create({
    data: {
      organizationId: caller.organizationId,
      projectId: project.id,
      kind: input.kind,
      ownerMembershipId,
      name: input.name,
      prefix: visiblePrefix,
      lookupHash: lookupHash(secret),
      encryptedSecret: encrypt(secret),
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      createdByUserId: caller.userId,
      ...limitColumns(input.limits),
    },
    select: keySelect,
  });
  await bumpConfigEpoch();
  await recordAudit(caller, "key.create", { type: "api_key", id: row.id }, { name: row.name, kind: row.kind });
  return { ...(await toKeyResponse(row)), secret };
}

/** A key the caller may see: admins any of the organization's, members only their own personal keys. */
async function findVisibleKey(caller: Caller, id: string): Promise<KeyRow> {
  const row = await db.apiKey.findFirst({ where: { id, organizationId: caller.organizationId }, select: keySelect });
  if (!row) throw notFound(`Key '${id}'`);
  if (caller.role !== "admin" && row.ownerMembershipId !== caller.membershipId) throw notFound(`Key '${id}'`);
  return row;
}

export async function listKeys(caller: Caller, filter: { kind?: "project" | "personal"; project?: string; includeRevoked?: boolean }) {
  const isAdmin = caller.role === "admin";
  const rows = await db.apiKey.findMany({
    where: {
      organizationId: caller.organizationId,
      ...(isAdmin ? { kind: filter.kind } : { kind: "personal", ownerMembershipId: caller.membershipId ?? "-" }),
      ...(filter.project ? { project: { slug: filter.project } } : {}),
      ...(filter.includeRevoked ? {} : { revokedAt: null }),
    },
    select: keySelect,
    orderBy: { createdAt: "desc" },
  });
  return Promise.all(rows.map((row) => toKeyResponse(row)));
}

export async function getKey(caller: Caller, id: string): Promise<KeyResponse> {
  return toKeyResponse(await findVisibleKey(caller, id));
}

export async function updateKey(caller: Caller, id: string, input: UpdateKeyInput): Promise<KeyResponse> {
  const existing = await findVisibleKey(caller, id);
  if (existing.revokedAt) throw new ApiError("conflict", "A revoked key cannot be changed");
  const row = await db.apiKey.update({
    where: { id },
    data: {
      name: input.name,
      disabled: input.disabled,
      expiresAt: input.expiresAt === undefined ? undefined : input.expiresAt === null ? null : new Date(input.expiresAt),
      ...limitColumns(input.limits),
    },
    select: keySelect,
  });
  if (input.limits) await forgetLimitCounters("key", id);
  await bumpConfigEpoch();
  await recordAudit(caller, "key.update", { type: "api_key", id }, { fields: Object.keys(input) });
  return toKeyResponse(row);
}

export async function revokeKey(caller: Caller, id: string): Promise<KeyResponse> {
  const existing = await findVisibleKey(caller, id);
  const row = existing.revokedAt
    ? existing
    : await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: keySelect });
  await bumpConfigEpoch();
  await recordAudit(caller, "key.revoke", { type: "api_key", id });
  return toKeyResponse(row);
}

export async function revealKey(caller: Caller, id: string): Promise<{ secret: string }> {
  const row = await findVisibleKey(caller, id);
  const stored = await db.apiKey.findUniqueOrThrow({ where: { id: row.id }, select: { encryptedSecret: true } });
  await recordAudit(caller, "key.reveal", { type: "api_key", id });
  return { secret: decrypt(stored.encryptedSecret) };
}
