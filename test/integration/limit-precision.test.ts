// Limits in the precision money is stored in (SPEC §1: exact money): a daily
// limit of $0.0005 is kept as such (not rounded to 0), and refusals name the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/gateway";

useTestDatabase();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
});

afterAll(async () => {
  await gateway?.close();
});

describe("USD limits", () => {
  it("keeps a key's $0.0005 daily limit, and clears it with null", async () => {
    const created = await gateway.api("POST", "/api/v1/keys", { name: "tiny", kind: "project", limits: { daily: 0.0005 } });
    expect(created.status).toBe(201);
    const key = await gateway.api("GET", `/api/v1/keys/${created.body.id}`);
    expect(key.body.limits.daily).toBe(0.0005);
    const cleared = await gateway.api("PATCH", `/api/v1/keys/${created.body.id}`, { limits: { daily: null } });
    expect(cleared.body.limits.daily).toBeNull();
  });

  it.each([
    [{ daily: 0 }, "the daily limit must be greater than $0"],
    [{ weekly: 0.0000001 }, "the weekly limit must be at least $0.000001"],
    [{ total: "5" }, "the total limit must be a number of USD"],
  ])("refuses %j naming the field", async (limits, message) => {
    const answer = await gateway.api("POST", "/api/v1/keys", { name: "bad", kind: "project", limits });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(message);
  });

  it("words member limits the same way", async () => {
    const member = await gateway.api("POST", "/api/v1/members", { email: "lim@example.com", password: "a long password 123", role: "member" });
    const answer = await gateway.api("PATCH", `/api/v1/members/${member.body.id}`, { limits: { monthly: -1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("the monthly limit must be greater than $0");
    const kept = await gateway.api("PATCH", `/api/v1/members/${member.body.id}`, { limits: { monthly: 0.0005 } });
    expect(kept.body.limits.monthly).toBe(0.0005);
  });
});
