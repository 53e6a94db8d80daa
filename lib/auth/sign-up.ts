// Creating an account. Someone with a pending invitation joins the inviting
// organizations with the invited role; anyone else gets an organization of
// their own, named after them, and is its admin.
import { db } from "../db";
import { createOrganization } from "../organizations/default-organization";
import { hashPassword } from "./passwords";
import type { SignUpInput } from "./schemas";

export type MemberRole = "admin" | "member";

export interface SignUpResult {
  userId: string;
  organizations: { id: string; slug: string; role: MemberRole }[];
}

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists");
  }
}

/** Expects input already parsed by signUpSchema (email lower-cased, name trimmed). */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new EmailTakenError();

  const passwordHash = await hashPassword(input.password);
  const invitations = await pendingInvitations(input.email);
  return invitations.length > 0
    ? joinInvitedOrganizations(input, passwordHash, invitations)
    : createWithOwnOrganization(input, passwordHash);
}

async function createWithOwnOrganization(input: SignUpInput, passwordHash: string): Promise<SignUpResult> {
  const organization = await createOrganization(input.organization ?? input.name);
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        memberships: { create: { organizationId: organization.id, role: "admin" } },
      },
      select: { id: true },
    });
    return { userId: user.id, organizations: [{ id: organization.id, slug: organization.slug, role: "admin" }] };
  } catch (error) {
    // Lost a race with a parallel sign-up for the same email: undo the organization.
    await db.organization.delete({ where: { id: organization.id } }).catch(() => {});
    throw isUniqueViolation(error) ? new EmailTakenError() : error;
  }
}

type PendingInvitation = Awaited<ReturnType<typeof pendingInvitations>>[number];

async function joinInvitedOrganizations(
  input: SignUpInput,
  passwordHash: string,
  invitations: PendingInvitation[],
): Promise<SignUpResult> {
  // Newest first, so a re-sent invitation with another role wins over the old one.
  const byOrganization = new Map<string, PendingInvitation>();
  for (const invitation of invitations) {
    if (!byOrganization.has(invitation.organizationId)) byOrganization.set(invitation.organizationId, invitation);
  }
  const joined = [...byOrganization.values()];
  try {
    const user = await db.$transaction(async (transaction) => {
      const created = await transaction.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          memberships: {
            create: joined.map((invitation) => ({ organizationId: invitation.organizationId, role: asRole(invitation.role) })),
          },
        },
        select: { id: true },
      });
      await transaction.invitation.updateMany({
        where: { id: { in: invitations.map((invitation) => invitation.id) } },
        data: { acceptedAt: new Date() },
      });
      await transaction.auditLog.createMany({
        data: joined.map((invitation) => ({
          organizationId: invitation.organizationId,
          actorUserId: created.id,
          action: "member.join",
          targetType: "user",
          targetId: created.id,
          details: JSON.stringify({ via: "sign-up", role: asRole(invitation.role) }),
        })),
      });
      return created;
    });
    return {
      userId: user.id,
      organizations: joined.map((invitation) => ({
        id: invitation.organization.id,
        slug: invitation.organization.slug,
        role: asRole(invitation.role),
      })),
    };
  } catch (error) {
    throw isUniqueViolation(error) ? new EmailTakenError() : error;
  }
}

function pendingInvitations(email: string) {
  return db.invitation.findMany({
    where: { email, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, organizationId: true, role: true, organization: { select: { id: true, slug: true } } },
    orderBy: { createdAt: "desc" },
  });
}

function asRole(role: string): MemberRole {
  return role === "admin" ? "admin" : "member";
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
