// The local proxy against a scripted gateway: the local token is checked and
// never forwarded, the access token replaces it, a 401 is retried once with a
// refreshed token (same body), a refused refresh becomes a clear 401, tokens
// are refreshed 120 s before they expire, and answers stream through as they
// arrive.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AccessTokenSource } from "./access-token";
import { startLocalProxy, type LocalProxy } from "./local-proxy";

process.env.GATEWAY_CLI_HOME = mkdtempSync(path.join(tmpdir(), "gateway-cli-home-"));

interface Seen {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

// The scripted gateway: accepts only `validToken`; the token endpoint hands out the next one.
const gateway = {
  validToken: "gwa_first",
  refreshAnswer: "ok" as "ok" | "revoked",
  expiresIn: 900,
  tokenRequests: 0,
  seen: [] as Seen[],
  releaseStream: null as null | (() => void),
};
let server: Server;
let gatewayUrl: string;
let proxy: LocalProxy | null = null;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    if (request.url === "/api/v1/cli/token") {
      gateway.tokenRequests++;
      if (gateway.refreshAnswer === "revoked") {
        response.writeHead(400, { "content-type": "application/json" });
        return response.end(JSON.stringify({ error: "invalid_grant", error_description: "This CLI session was revoked" }));
      }
      gateway.validToken = `gwa_refreshed_${gateway.tokenRequests}`;
      response.writeHead(200, { "content-type": "application/json" });
      return response.end(JSON.stringify({ access_token: gateway.validToken, refresh_token: "gwr_same", expires_in: gateway.expiresIn }));
    }
    gateway.seen.push({ path: request.url ?? "", headers: request.headers, body });
    if (request.headers.authorization !== `Bearer ${gateway.validToken}`) {
      response.writeHead(401, { "content-type": "application/json" });
      return response.end(JSON.stringify({ error: { message: "bad token", code: "invalid_api_key" } }));
    }
    if (request.url?.endsWith("/stream")) {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: first\n\n");
      // The rest only once the client has seen the first event: a buffering proxy would hang here.
      await new Promise<void>((resolve) => (gateway.releaseStream = resolve));
      return response.end("data: second\n\n");
    }
    response.writeHead(200, { "content-type": "application/json", "x-gateway-request-id": "req_1" });
    response.end(JSON.stringify({ echoed: body }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await proxy?.close();
  proxy = null;
  gateway.seen = [];
  gateway.refreshAnswer = "ok";
  gateway.expiresIn = 900;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function start(accessToken: string, expiresInMs = 600_000) {
  const source = new AccessTokenSource({ kind: "session", gatewayUrl, refreshToken: "gwr_same", accessToken, accessTokenExpiresAt: Date.now() + expiresInMs });
  proxy = await startLocalProxy(source, { port: 0, explicitPort: true });
  return { source, proxy };
}

const post = (local: LocalProxy, token: string, body: string, route = "/proxy/claude/v1/messages") =>
  fetch(`${local.origin}${route}`, { method: "POST", headers: { "x-api-key": token, "content-type": "application/json", "anthropic-version": "2023-06-01" }, body });

describe("the local proxy", () => {
  it("admits only the local token, and forwards the access token in its place", async () => {
    const { proxy } = await start("gwa_first");
    gateway.validToken = "gwa_first";
    const refused = await post(proxy, "wrong", "{}");
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.type).toBe("authentication_error");
    expect(gateway.seen).toHaveLength(0);

    const answer = await post(proxy, proxy.localToken, '{"model":"m"}');
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-gateway-request-id")).toBe("req_1");
    expect(await answer.json()).toEqual({ echoed: '{"model":"m"}' });
    const [forwarded] = gateway.seen;
    expect(forwarded.path).toBe("/proxy/claude/v1/messages");
    expect(forwarded.headers.authorization).toBe("Bearer gwa_first");
    expect(forwarded.headers["x-api-key"]).toBeUndefined();
    expect(forwarded.headers["anthropic-version"]).toBe("2023-06-01");
    expect(JSON.stringify(forwarded.headers)).not.toContain(proxy.localToken);
    expect(proxy.requests).toBe(1);
  });

  it("refreshes once on a 401 and retries with the same body", async () => {
    const { proxy, source } = await start("gwa_stale");
    gateway.validToken = "gwa_current";
    const answer = await post(proxy, proxy.localToken, '{"retry":true}');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ echoed: '{"retry":true}' });
    expect(gateway.seen.map((seen) => seen.headers.authorization)).toEqual(["Bearer gwa_stale", `Bearer ${gateway.validToken}`]);
    expect(source.refreshes).toBe(1);
    // The fresh token is kept, owner-only, for the next command.
    const file = path.join(process.env.GATEWAY_CLI_HOME!, "credentials.json");
    expect(JSON.parse(readFileSync(file, "utf8")).accessToken).toBe(gateway.validToken);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("answers a clear 401 once the gateway refuses the refresh", async () => {
    const { proxy } = await start("gwa_stale");
    gateway.validToken = "gwa_current";
    gateway.refreshAnswer = "revoked";
    const answer = await post(proxy, proxy.localToken, "{}");
    expect(answer.status).toBe(401);
    const body = await answer.json();
    expect(body.error.message).toContain("revoked");
    expect(body.error.message).toContain("gateway login");
    // And every later request at once, without asking the gateway again.
    const before = gateway.tokenRequests;
    expect((await post(proxy, proxy.localToken, "{}")).status).toBe(401);
    expect(gateway.tokenRequests).toBe(before);
  });

  it("refreshes in the background 120 s before the access token expires", async () => {
    gateway.validToken = "gwa_first";
    const { source } = await start("gwa_first", 121_500);
    source.startKeepingFresh();
    const before = gateway.tokenRequests;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(gateway.tokenRequests).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(gateway.tokenRequests).toBe(before + 1);
    expect(source.accessTokenExpiresAt! - Date.now()).toBeGreaterThan(800_000);
    source.stop();
  });

  it("streams an answer through as it arrives", async () => {
    gateway.validToken = "gwa_first";
    const { proxy } = await start("gwa_first");
    const answer = await post(proxy, proxy.localToken, "{}", "/proxy/claude/stream");
    const reader = answer.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("data: first\n\n");
    gateway.releaseStream?.();
    let rest = "";
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest += new TextDecoder().decode(next.value);
    expect(rest).toBe("data: second\n\n");
  });

  it("refuses an explicit port that is taken, and falls back to a free one otherwise", async () => {
    const { proxy: first } = await start("gwa_first");
    const source = new AccessTokenSource({ kind: "key", gatewayUrl, key: "gw_personal" });
    await expect(startLocalProxy(source, { port: first.port, explicitPort: true })).rejects.toThrow(/already in use/);
    const fallback = await startLocalProxy(source, { port: first.port });
    expect(fallback.port).not.toBe(first.port);
    await fallback.close();
  });
});
