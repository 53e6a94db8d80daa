// The operator's first account, from GATEWAY_ADMIN_EMAIL / GATEWAY_ADMIN_PASSWORD,
// so a fresh install can be signed into without opening sign-up to anyone.
// Runs at every start; it only ever adds what is missing. An existing user's
// password is left alone: changing the variable later must not silently
// override a password the admin has since chosen.
import { db } from "../db";
import { env } from "../env";
import { ensureDefaultOrganization } from "../organizations/default-organization";
import { hashPassword } from "./passwords";
import { emailSchema } from "./schemas";

export type BootstrapOutcome = "not-configured" | "created" | "joined" | "unchanged";

/** Makes GATEWAY_ADMIN_EMAIL an admin of the default organization, creating the user if needed. */
export async function bootstrapAdmin(): Promise<BootstrapOutcome> {
  const { GATEWAY_ADMIN_EMAIL, GATEWAY_ADMIN_PASSWORD } = env();
  if (!GATEWAY_ADMIN_EMAIL || !GATEWAY_ADMIN_PASSWORD) return "not-configured";
  const email = emailSchema.parse(GATEWAY_ADMIN_EMAIL);

  const organization = await ensureDefaultOrganization();
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, memberships: { where: { organizationId: organization.id }, select: { id: true, role: true } } },
  });

  if (!existing) {
    await db.user.create({
      data: {
        email,
        name: "Admin",
        passwordHash: await hashPassword(GATEWAY_ADMIN_PASSWORD),
        memberships: { create: { organizationId: organization.id, role: "admin" } },
      },
    });
    return "created";
  }

  const membership = existing.memberships[0];
  if (!membership) {
    await db.membership.create({ data: { userId: existing.id, organizationId: organization.id, role: "admin" } });
    return "joined";
  }
  if (membership.role !== "admin") {
    await db.membership.update({ where: { id: membership.id }, data: { role: "admin" } });
    return "joined";
  }
  return "unchanged";
}
