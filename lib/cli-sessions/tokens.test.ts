import { describe, expect, it } from "vitest";
import { normalizeUserCode, newUserCode } from "./user-code";

process.env.GATEWAY_SECRET ??= "unit-test-secret-that-is-long-enough-000";
const { signAccessToken, verifyAccessToken } = await import("./tokens");

const claims = { sessionId: "session-1", membershipId: "member-1", organizationId: "org-1" };

describe("access tokens", () => {
  it("verify offline with the secret they were signed with, until they expire", () => {
    const now = Date.UTC(2026, 0, 1);
    const { token, expiresIn } = signAccessToken(claims, now, "a-secret-of-at-least-thirty-two-characters");
    expect(verifyAccessToken(token, now + 1000, "a-secret-of-at-least-thirty-two-characters")).toMatchObject({ valid: true, payload: { sid: "session-1", mid: "member-1", oid: "org-1" } });
    expect(verifyAccessToken(token, now + expiresIn * 1000, "a-secret-of-at-least-thirty-two-characters")).toMatchObject({ valid: false, reason: "expired" });
    expect(verifyAccessToken(token, now + 1000, "another-secret-of-at-least-thirty-two-chars")).toMatchObject({ valid: false, reason: "bad_signature" });
  });

  it("refuse a payload altered after signing", () => {
    const { token } = signAccessToken(claims);
    const [payload, signature] = token.slice(4).split(".");
    const altered = JSON.parse(Buffer.from(payload, "base64url").toString());
    altered.mid = "member-2";
    const forged = `gwa_${Buffer.from(JSON.stringify(altered)).toString("base64url")}.${signature}`;
    expect(verifyAccessToken(forged)).toMatchObject({ valid: false, reason: "bad_signature" });
    expect(verifyAccessToken("gwa_nodot")).toMatchObject({ valid: false, reason: "malformed" });
  });
});

describe("user codes", () => {
  it("are read back however they are typed, and refuse what cannot be one", () => {
    const code = newUserCode();
    expect(code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(normalizeUserCode(code.toLowerCase().replace("-", " "))).toBe(code);
    expect(normalizeUserCode("AAAA-BBBB")).toBeNull();
    expect(normalizeUserCode("BCD")).toBeNull();
  });
});
