// Members of an organization: role and member limits. Adding one with a
// password creates a user who can sign in at once; without, a pending
// invitation whose one-time link leads to sign-up with that email.
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { lookupHash } from "../crypto";
import { publicUrl } from "../env";
import { ApiError, conflict, notFound } from "../api/errors";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { bumpConfigEpoch } from "../cache/config-epoch";
import { hashPassword } from "../auth/passwords";
import { windowSpend } from "../limits/window-spend";
import { forgetLimitCounters } from "../limits/forget-counters";
import { microsToUsd, microsToUsdOrNull, usdToMicros } from "../money";
import type { CreateMemberInput, MemberResponse, UpdateMemberInput } from "./schemas";

const INVITATION_TTL_MS = 7 * 86_400_000;

const membershipSelect = {
  id: true,
  userId: true,
  role: true,
  createdAt: true,
  dailyLimitMicros: true,
  weeklyLimitMicros: true,
  monthlyLimitMicros: true,
  user: { select: { email: true, name: true } },
} as const;

type MembershipRow = NonNullable<Awaited<ReturnType<typeof db.membership.findFirst<{ select: typeof membershipSelect }>>>>;

async function memberSpend(membershipId: string, now = new Date()) {
  const spent = await windowSpend("member", membershipId, ["daily", "weekly", "monthly"] as const, now);
  return { daily: microsToUsd(spent.daily), weekly: microsToUsd(spent.weekly), monthly: microsToUsd(spent.monthly) };
}

async function toResponse(row: MembershipRow): Promise<MemberResponse> {
  return {
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: row.role === "admin" ? "admin" : "member",
    status: "active",
    limits: {
      daily: microsToUsdOrNull(row.dailyLimitMicros),
      weekly: microsToUsdOrNull(row.weeklyLimitMicros),
      monthly: microsToUsdOrNull(row.monthlyLimitMicros),
    },
    spend: await memberSpend(row.id),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listMembers(caller: Caller): Promise<MemberResponse[]> {
  const rows = await db.membership.findMany({
    where: { organizationId: caller.organizationId, ...(caller.role === "admin" ? {} : { id: caller.membershipId ?? "-" }) },
    select: membershipSelect,
    orderBy: { createdAt: "asc" },
  });
  const members = await Promise.all(rows.map(toResponse));
  if (caller.role !== "admin") return members;
  const invitations = await db.invitation.findMany({
    where: { organizationId: caller.organizationId, acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "asc" },
  });
  const invited: MemberResponse[] = invitations.map((invitation) => ({
    id: invitation.id,
    userId: null,
    email: invitation.email,
    name: null,
    role: invitation.role === "admin" ? "admin" : "member",
    status: "invited",
    limits: { daily: null, weekly: null, monthly: null },
    spend: { daily: 0, weekly: 0, monthly: 0 },
    createdAt: invitation.createdAt.toISOString(),
  }));
  return [...members, ...invited];
}

export async function createMember(caller: Caller, input: CreateMemberInput): Promise<MemberResponse> {
  const email = input.email.toLowerCase();
  const existingUser = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existingUser) {
    const already = await db.membership.findUnique({
      where: { userId_organizationId: { userId: existingUser.id, organizationId: caller.organizationId } },
    });
    if (already) throw conflict(`${email} is already a member`);
    const row = await db.membership.create({
      data: { userId: existingUser.id, organizationId: caller.organizationId, role: input.role },
      select: membershipSelect,
    });
    await recordAudit(caller, "member.add", { type: "membership", id: row.id }, { email, role: input.role });
    return toResponse(row);
  }
  if (input.password) {
    const user = await db.user.create({ data: { email, name: input.name ?? null, passwordHash: await hashPassword(input.password) } });
    const row = await db.membership.create({
      data: { userId: user.id, organizationId: caller.organizationId, role: input.role },
      select: membershipSelect,
    });
    await recordAudit(caller, "member.create", { type: "membership", id: row.id }, { email, role: input.role });
    return toResponse(row);
  }
  return invite(caller, email, input.role);
}

async function invite(caller: Caller, email: string, role: "admin" | "member"): Promise<MemberResponse> {
  const token = randomBytes(24).toString("base64url");
  const invitation = await db.invitation.create({
    data: {
      organizationId: caller.organizationId,
      email,
      role,
      tokenHash: lookupHash(token),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    },
  });
  await recordAudit(caller, "member.invite", { type: "invitation", id: invitation.id }, { email, role });
  return {
    id: invitation.id,
    userId: null,
    email,
    name: null,
    role,
    status: "invited",
    limits: { daily: null, weekly: null, monthly: null },
    spend: { daily: 0, weekly: 0, monthly: 0 },
    inviteUrl: `${publicUrl()}/sign-up?invitation=${token}&email=${encodeURIComponent(email)}`,
    createdAt: invitation.createdAt.toISOString(),
  };
}

async function findMembership(caller: Caller, id: string): Promise<MembershipRow> {
  const row = await db.membership.findFirst({ where: { id, organizationId: caller.organizationId }, select: membershipSelect });
  if (!row) throw notFound(`Member '${id}'`);
  return row;
}

async function assertNotLastAdmin(caller: Caller, row: MembershipRow): Promise<void> {
  if (row.role !== "admin") return;
  const admins = await db.membership.count({ where: { organizationId: caller.organizationId, role: "admin" } });
  if (admins <= 1) throw new ApiError("conflict", "An organization needs at least one admin");
}

export async function updateMember(caller: Caller, id: string, input: UpdateMemberInput): Promise<MemberResponse> {
  const row = await findMembership(caller, id);
  if (input.role === "member") await assertNotLastAdmin(caller, row);
  const limit = (value: number | null | undefined) => (value === undefined ? undefined : value === null ? null : usdToMicros(value));
  const updated = await db.membership.update({
    where: { id },
    data: {
      role: input.role,
      dailyLimitMicros: limit(input.limits?.daily),
      weeklyLimitMicros: limit(input.limits?.weekly),
      monthlyLimitMicros: limit(input.limits?.monthly),
    },
    select: membershipSelect,
  });
  if (input.limits) await forgetLimitCounters("member", id);
  await bumpConfigEpoch();
  await recordAudit(caller, "member.update", { type: "membership", id }, input);
  return toResponse(updated);
}

export async function removeMember(caller: Caller, id: string): Promise<void> {
  const invitation = await db.invitation.findFirst({ where: { id, organizationId: caller.organizationId } });
  if (invitation) {
    await db.invitation.delete({ where: { id } });
    await recordAudit(caller, "member.uninvite", { type: "invitation", id });
    return;
  }
  const row = await findMembership(caller, id);
  await assertNotLastAdmin(caller, row);
  // Their personal keys go with them (cascade), so nothing keeps spending in their name.
  await db.membership.delete({ where: { id } });
  await bumpConfigEpoch();
  await recordAudit(caller, "member.remove", { type: "membership", id }, { email: row.user.email });
}
