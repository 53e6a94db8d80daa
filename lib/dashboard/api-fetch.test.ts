import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";

useTestDatabase();
const { apiFetch, ApiRequestError, ORGANIZATION_HEADER } = await import("./api-fetch");
const server = await import("@/lib/api/caller");

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("sends the organization in the header the server reads", async () => {
    expect(ORGANIZATION_HEADER).toBe(server.ORGANIZATION_HEADER);
    const fetchStub = vi.fn(async () => Response.json({ enabled: true }));
    vi.stubGlobal("fetch", fetchStub);

    await expect(apiFetch("acme", "gateway/setup", { body: { mode: "manual" } })).resolves.toEqual({ enabled: true });

    expect(fetchStub).toHaveBeenCalledWith(
      "/api/v1/gateway/setup",
      expect.objectContaining({ method: "POST", body: '{"mode":"manual"}', headers: expect.objectContaining({ "x-gateway-organization": "acme" }) }),
    );
  });

  it("turns an API error answer into an error carrying its message and code", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ error: { code: "forbidden", message: "Only an admin of this organization can do this" } }, { status: 403 }));
    const failure = await apiFetch("acme", "gateway").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect(failure).toMatchObject({ status: 403, code: "forbidden", message: "Only an admin of this organization can do this" });
  });

  it("explains a network failure in plain words", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    await expect(apiFetch("acme", "gateway")).rejects.toThrow("Could not reach the server");
  });
});
