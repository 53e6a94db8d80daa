import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { env, resetEnvironmentForTests } from "./env";

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvironmentForTests();
});

function withEnvironment(values: Record<string, string | undefined>) {
  process.env = { ...saved, ...values };
  resetEnvironmentForTests();
}

describe("env", () => {
  it("applies defaults", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "env-"));
    withEnvironment({ PORT: undefined, DATABASE_URL: undefined, GATEWAY_SECRET: undefined, GATEWAY_DATA_DIR: directory });
    expect(env()).toMatchObject({ PORT: 3000, DATABASE_URL: "file:./data/gateway.db", GATEWAY_MAX_BODY_BYTES: 32 * 1024 * 1024 });
  });

  it("generates GATEWAY_SECRET once and keeps it under the data directory", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "env-"));
    withEnvironment({ GATEWAY_SECRET: undefined, GATEWAY_DATA_DIR: directory });
    const secret = env().GATEWAY_SECRET;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(directory, "gateway-secret"), "utf8").trim()).toBe(secret);
    resetEnvironmentForTests();
    expect(env().GATEWAY_SECRET).toBe(secret);
  });

  it.each([
    [{ PORT: "eighty" }, /PORT/],
    [{ GATEWAY_SECRET: "too-short" }, /GATEWAY_SECRET must be at least 32 characters/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [{ GATEWAY_PUBLIC_URL: "not a url" }, /GATEWAY_PUBLIC_URL/],
    [{ GATEWAY_BUILTIN_OPENAI_BASE_URL: "nope" }, /GATEWAY_BUILTIN_OPENAI_BASE_URL/],
  ])("stops with one line naming the variable for %j", (values, message) => {
    withEnvironment(values);
    expect(() => env()).toThrow(message);
    try {
      env();
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });
});
