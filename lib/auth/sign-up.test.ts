import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";

useTestDatabase();
const { db } = await import("@/lib/db");
const { signUp, EmailTakenError } = await import("./sign-up");
const { verifyPassword } = await import("./passwords");
const { signUpSchema } = await import("./schemas");

function input(overrides: Partial<{ email: string; password: string; name: string; organization: string }> = {}) {
  return signUpSchema.parse({ email: "ada@example.com", password: "analytical engine", name: "Ada Lovelace", ...overrides });
}

describe("signUp", () => {
  it("names the organization as the sign-up form says, and after the user when left empty", async () => {
    const named = await signUp(input({ email: "hopper@example.com", name: "Grace Hopper", organization: "  Navy Labs " }));
    expect(await db.organization.findUniqueOrThrow({ where: { id: named.organizations[0].id } })).toMatchObject({ name: "Navy Labs", slug: "navy-labs" });
    const unnamed = await signUp(input({ email: "turing@example.com", name: "Alan Turing", organization: "" }));
    expect((await db.organization.findUniqueOrThrow({ where: { id: unnamed.organizations[0].id } })).name).toBe("Alan Turing");
  });

  it("gives a new user an organization named after them, as its admin, with a default project and the gateway off", async () => {
    const result = await signUp(input({ email: "Ada@Example.com" }));

    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user.email).toBe("ada@example.com");
    expect(await verifyPassword(user.passwordHash!, "analytical engine")).toBe(true);

    expect(result.organizations).toHaveLength(1);
    const organization = await db.organization.findUniqueOrThrow({
      where: { id: result.organizations[0].id },
      include: { memberships: true, projects: true, settings: true },
    });
    expect(organization.name).toBe("Ada Lovelace");
    expect(organization.slug).toBe("ada-lovelace");
    expect(organization.memberships).toEqual([expect.objectContaining({ userId: user.id, role: "admin" })]);
    expect(organization.projects.map((project) => project.slug)).toEqual(["default"]);
    expect(organization.settings?.enabled).toBe(false);
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    await signUp(input({ email: "grace@example.com", name: "Grace" }));
    await expect(signUp(input({ email: "GRACE@example.com", name: "Grace again" }))).rejects.toBeInstanceOf(EmailTakenError);
    expect(await db.organization.count({ where: { name: "Grace again" } })).toBe(0);
  });

  it("gives two people with the same name distinct organizations", async () => {
    const first = await signUp(input({ email: "sam1@example.com", name: "Sam" }));
    const second = await signUp(input({ email: "sam2@example.com", name: "Sam" }));
    expect(first.organizations[0].slug).toBe("sam");
    expect(second.organizations[0].slug).toBe("sam-2");
  });

  it("joins the inviting organization with the invited role instead of creating one", async () => {
    const owner = await signUp(input({ email: "owner@example.com", name: "Acme" }));
    const acme = owner.organizations[0];
    await db.invitation.create({
      data: { organizationId: acme.id, email: "linus@example.com", role: "member", tokenHash: "hash-1", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const organizationsBefore = await db.organization.count();

    const result = await signUp(input({ email: "linus@example.com", name: "Linus" }));

    expect(result.organizations).toEqual([{ id: acme.id, slug: acme.slug, role: "member" }]);
    expect(await db.organization.count()).toBe(organizationsBefore);
    const membership = await db.membership.findUniqueOrThrow({
      where: { userId_organizationId: { userId: result.userId, organizationId: acme.id } },
    });
    expect(membership.role).toBe("member");
    const invitation = await db.invitation.findUniqueOrThrow({ where: { tokenHash: "hash-1" } });
    expect(invitation.acceptedAt).not.toBeNull();
  });

  it("honours an admin invitation", async () => {
    const owner = await signUp(input({ email: "boss@example.com", name: "Initech" }));
    await db.invitation.create({
      data: { organizationId: owner.organizations[0].id, email: "peter@example.com", role: "admin", tokenHash: "hash-2", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const result = await signUp(input({ email: "peter@example.com", name: "Peter" }));
    expect(result.organizations).toEqual([expect.objectContaining({ slug: owner.organizations[0].slug, role: "admin" })]);
  });

  it("ignores expired and already accepted invitations", async () => {
    const owner = await signUp(input({ email: "host@example.com", name: "Globex" }));
    const organizationId = owner.organizations[0].id;
    await db.invitation.createMany({
      data: [
        { organizationId, email: "late@example.com", role: "member", tokenHash: "hash-3", expiresAt: new Date(Date.now() - 1000) },
        { organizationId, email: "late@example.com", role: "admin", tokenHash: "hash-4", expiresAt: new Date(Date.now() + 86_400_000), acceptedAt: new Date() },
      ],
    });
    const result = await signUp(input({ email: "late@example.com", name: "Late Comer" }));
    expect(result.organizations).toHaveLength(1);
    expect(result.organizations[0].id).not.toBe(organizationId);
    expect(result.organizations[0].role).toBe("admin");
  });
});
