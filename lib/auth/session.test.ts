import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";

useTestDatabase();
const { getSessionUserId } = await import("./session");

describe("getSessionUserId", () => {
  it("answers null, rather than throwing, outside an HTTP request (scripts, the management token path)", async () => {
    await expect(getSessionUserId()).resolves.toBeNull();
  });
});
