import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";

useTestDatabase();
const { db } = await import("@/lib/db");
const { resetEnvironmentForTests } = await import("@/lib/env");
const { bootstrapAdmin } = await import("./bootstrap-admin");
const { verifyPassword } = await import("./passwords");

function configure(email: string | undefined, password: string | undefined) {
  if (email === undefined) delete process.env.GATEWAY_ADMIN_EMAIL;
  else process.env.GATEWAY_ADMIN_EMAIL = email;
  if (password === undefined) delete process.env.GATEWAY_ADMIN_PASSWORD;
  else process.env.GATEWAY_ADMIN_PASSWORD = password;
  resetEnvironmentForTests();
}

afterEach(() => configure(undefined, undefined));

describe("bootstrapAdmin", () => {
  it("does nothing without both variables", async () => {
    configure("root@example.com", undefined);
    expect(await bootstrapAdmin()).toBe("not-configured");
    expect(await db.user.count()).toBe(0);
  });

  it("creates the admin of the default organization once, and keeps a password changed later", async () => {
    configure("Root@Example.com", "first password");
    expect(await bootstrapAdmin()).toBe("created");

    const user = await db.user.findUniqueOrThrow({ where: { email: "root@example.com" }, include: { memberships: { include: { organization: true } } } });
    expect(await verifyPassword(user.passwordHash!, "first password")).toBe(true);
    expect(user.memberships).toEqual([expect.objectContaining({ role: "admin" })]);
    const oldest = await db.organization.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    expect(user.memberships[0].organizationId).toBe(oldest.id);

    configure("root@example.com", "second password");
    expect(await bootstrapAdmin()).toBe("unchanged");
    const again = await db.user.findUniqueOrThrow({ where: { email: "root@example.com" } });
    expect(await verifyPassword(again.passwordHash!, "first password")).toBe(true);
    expect(await db.user.count({ where: { email: "root@example.com" } })).toBe(1);
  });

  it("promotes an existing member of the default organization to admin", async () => {
    const organization = await db.organization.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    await db.user.create({
      data: { email: "ops@example.com", memberships: { create: { organizationId: organization.id, role: "member" } } },
    });
    configure("ops@example.com", "ops password");
    expect(await bootstrapAdmin()).toBe("joined");
    const membership = await db.membership.findFirstOrThrow({ where: { user: { email: "ops@example.com" } } });
    expect(membership.role).toBe("admin");
  });
});
