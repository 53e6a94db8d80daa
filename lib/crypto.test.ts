import { describe, expect, it } from "vitest";
import { decrypt, encrypt, generateSecret, GATEWAY_KEY_PREFIX, lookupHash, MANAGEMENT_TOKEN_PREFIX } from "./crypto";

const SECRET = "a-gateway-secret-of-at-least-32-characters";

describe("generateSecret", () => {
  it("makes recognisable, unique keys with a displayable prefix", () => {
    const first = generateSecret();
    const second = generateSecret();
    expect(first.secret.startsWith(GATEWAY_KEY_PREFIX)).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(40);
    expect(first.secret).not.toBe(second.secret);
    expect(first.secret.startsWith(first.visiblePrefix)).toBe(true);
    expect(first.visiblePrefix.length).toBeLessThan(first.secret.length / 2);
    expect(generateSecret(MANAGEMENT_TOKEN_PREFIX).secret.startsWith("gwm_")).toBe(true);
  });
});

describe("lookupHash", () => {
  it("is a stable SHA-256 hex digest", () => {
    expect(lookupHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("encrypt / decrypt", () => {
  it("round-trips and never repeats a ciphertext", () => {
    const first = encrypt("sk-provider-credential", SECRET);
    expect(first).not.toContain("sk-provider-credential");
    expect(encrypt("sk-provider-credential", SECRET)).not.toBe(first);
    expect(decrypt(first, SECRET)).toBe("sk-provider-credential");
  });

  it("fails with a wrong secret", () => {
    const ciphertext = encrypt("sk-provider-credential", SECRET);
    expect(() => decrypt(ciphertext, "another-secret-of-at-least-32-characters!")).toThrow();
  });

  it("fails when the ciphertext was altered", () => {
    const [version, iv, tag, body] = encrypt("sk-provider-credential", SECRET).split(".");
    const flipped = body.slice(0, -2) + (body.at(-2) === "A" ? "B" : "A") + body.at(-1);
    expect(() => decrypt([version, iv, tag, flipped].join("."), SECRET)).toThrow();
    expect(() => decrypt("not-a-ciphertext", SECRET)).toThrow(/format/);
  });
});
