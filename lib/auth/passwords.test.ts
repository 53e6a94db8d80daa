import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./passwords";
import { passwordSchema } from "./schemas";

describe("passwords", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const passwordHash = await hashPassword("correct horse battery");
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain("correct horse battery");
    await expect(verifyPassword(passwordHash, "correct horse battery")).resolves.toBe(true);
    await expect(verifyPassword(passwordHash, "correct horse batterx")).resolves.toBe(false);
  });

  it("salts every hash", async () => {
    const [first, second] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(first).not.toBe(second);
  });

  it("answers false instead of throwing on a malformed stored hash", async () => {
    await expect(verifyPassword("not-a-hash", "whatever1")).resolves.toBe(false);
  });

  it("decoy verification never signs anyone in", async () => {
    await expect(verifyAgainstDecoy("decoy password that nobody uses")).resolves.toBe(false);
  });

  it("requires at least 8 characters", () => {
    expect(passwordSchema.safeParse("short").success).toBe(false);
    expect(passwordSchema.safeParse("long enough").success).toBe(true);
  });
});
