import { describe, expect, it } from "vitest";
import { shownBaseUrl } from "./shown-base-url";

describe("shownBaseUrl", () => {
  it("shows GATEWAY_PUBLIC_URL when it is set, whatever the page's address", () => {
    expect(shownBaseUrl({ baseUrl: "https://gw.example.com/proxy", baseUrlConfigured: true }, "http://10.0.0.5:3000")).toBe("https://gw.example.com/proxy");
  });

  it("shows the page's own origin when it is not set, instead of localhost", () => {
    expect(shownBaseUrl({ baseUrl: "http://localhost:3000/proxy", baseUrlConfigured: false }, "http://10.0.0.5:3000/")).toBe("http://10.0.0.5:3000/proxy");
    expect(shownBaseUrl({ baseUrl: "http://localhost:3000/proxy", baseUrlConfigured: false }, null)).toBe("http://localhost:3000/proxy");
  });
});
