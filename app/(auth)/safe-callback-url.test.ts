import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackUrl("/acme/gateway")).toBe("/acme/gateway");
    expect(safeCallbackUrl(["/acme/gateway/keys", "/other"])).toBe("/acme/gateway/keys");
  });

  it("refuses anything that would leave the site", () => {
    for (const hostile of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", ""]) {
      expect(safeCallbackUrl(hostile)).toBe("/");
    }
    expect(safeCallbackUrl(undefined)).toBe("/");
  });
});
