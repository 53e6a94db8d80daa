// The management API's edge (the hardening issue): methods nothing serves and
// broken percent-encoding answer 405 / 400 instead of 500, bodies are capped
// before they are buffered (the unauthenticated sign-up too), and a change made
// with a dashboard session must come from the dashboard's own origin (CSRF).
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, TEST_ADMIN_TOKEN, type TestGateway } from "../helpers/gateway";
import { MAX_API_BODY_BYTES } from "@/lib/api/request-body";

useTestDatabase();

// Dashboard sessions are next-auth cookies; here a test decides who is signed in.
let signedInUserId: string | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => signedInUserId }));

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ serveApi: true });
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  const admin = await gateway.api("POST", "/api/v1/members", { email: "admin@example.com", password: "long-enough-1", role: "admin" });
  const { db } = await import("@/lib/db");
  signedInUserId = (await db.membership.findUniqueOrThrow({ where: { id: admin.body.id } })).userId;
});

afterAll(async () => {
  await gateway?.close();
});

/** One HTTP request; the body is sent in 64 KiB pieces (chunked unless a content-length is given). */
function send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(`${gateway.origin}${path}`, { method, headers }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
    });
    call.on("error", reject);
    if (body) for (let offset = 0; offset < body.byteLength; offset += 64 * 1024) call.write(body.subarray(offset, offset + 64 * 1024));
    call.end();
  });
}

const bearer = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, "content-type": "application/json" };

describe("requests Next would have answered with 500", () => {
  it.each(["TRACE", "PROPFIND", "MKCOL"])("%s on /api/v1 is 405 with Allow", async (method) => {
    const answer = await send(method, "/api/v1/keys", bearer);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    expect(JSON.parse(answer.text).error.code).toBe("method_not_allowed");
  });

  it.each(["/api/v1/keys/%ff", "/api/v1/providers/%zz", "/api/v1/routing-groups/%E0%A4%A", "/api/v1/%", "/api/v1/keys/%00", "/api/v1/members?key=%00"])("%s is 400 bad_request", async (path) => {
    const answer = await send("GET", path, bearer);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error.code).toBe("bad_request");
  });
});

describe("body limits", () => {
  const oversized = Buffer.alloc(MAX_API_BODY_BYTES * 3, "x");

  it.each([true, false])("a management body over the cap is 413 (Content-Length declared: %s)", async (declared) => {
    const headers = { ...bearer, ...(declared ? { "content-length": String(oversized.byteLength) } : {}) };
    const answer = await send("POST", "/api/v1/keys", headers, oversized);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.code).toBe("request_too_large");
  });

  it("the unauthenticated sign-up refuses an oversized body the same way", async () => {
    const { POST } = await import("@/app/api/auth/sign-up/route");
    const stream = new ReadableStream({
      start(controller) {
        for (let sent = 0; sent < MAX_API_BODY_BYTES * 3; sent += 64 * 1024) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const response = await POST(new Request("http://127.0.0.1/api/auth/sign-up", { method: "POST", body: stream, duplex: "half" } as RequestInit));
    expect(response.status).toBe(413);
  });

  it("a body that is not UTF-8 is 400 invalid_body", async () => {
    const answer = await send("POST", "/api/v1/keys", bearer, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error.code).toBe("invalid_body");
  });
});

describe("CSRF: cookie-authenticated changes", () => {
  const create = JSON.stringify({ name: "csrf", kind: "project" });

  it.each([
    ["a foreign Origin", { origin: "http://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ])("are refused with 403 from %s, even as a text/plain simple request", async (_label, extra) => {
    for (const [method, path] of [["POST", "/api/v1/keys"], ["PATCH", "/api/v1/gateway"]]) {
      const answer = await send(method, path, { "content-type": "text/plain", ...extra }, Buffer.from(method === "POST" ? create : '{"enabled":false}'));
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.text).toContain("Cross-site request refused");
    }
    const keys = await gateway.api("GET", "/api/v1/keys");
    expect(keys.body.map((key: { name: string }) => key.name)).not.toContain("csrf");
    expect((await gateway.api("GET", "/api/v1/gateway")).body.enabled).toBe(true);
  });

  it("are served from the dashboard's own origin, and reads are never blocked", async () => {
    const own = { "content-type": "application/json", origin: gateway.origin, "sec-fetch-site": "same-origin" };
    expect((await send("POST", "/api/v1/keys", own, Buffer.from(create))).status).toBe(201);
    expect((await send("GET", "/api/v1/keys", { origin: "http://evil.example" })).status).toBe(200);
  });

  it("do not affect Bearer-token calls, whatever their Origin", async () => {
    const answer = await send("POST", "/api/v1/keys", { ...bearer, origin: "http://evil.example" }, Buffer.from(JSON.stringify({ name: "token", kind: "project" })));
    expect(answer.status).toBe(201);
  });
});
