import { describe, expect, it } from "vitest";
import { parseOtlpHeaders } from "./otlp-headers";

describe("parseOtlpHeaders", () => {
  it("reads name=value pairs, keeping '=' inside values and decoding %-escapes", () => {
    expect(parseOtlpHeaders("Authorization=Bearer abc==, x-team = a%2Cb")).toEqual({
      ok: true,
      headers: { Authorization: "Bearer abc==", "x-team": "a,b" },
    });
    expect(parseOtlpHeaders("  ")).toEqual({ ok: true, headers: {} });
  });

  it("refuses a pair without a name or '='", () => {
    expect(parseOtlpHeaders("just-a-token").ok).toBe(false);
    expect(parseOtlpHeaders("=value").ok).toBe(false);
    expect(parseOtlpHeaders("a=%E0%A4%A").ok).toBe(false);
  });
});
