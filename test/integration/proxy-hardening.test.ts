// The HTTP edge of /proxy under input no SDK sends and upstreams that fail
// halfway (the hardening issue): every case gets a 4xx or a 502 in the route's
// own shape, never a 500, a hang or a reset the client cannot read.
import { request as httpRequest } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();
const MAX_BODY_BYTES = 256 * 1024;

let gateway: TestGateway;
let healthy: FakeServer;
let resetting: Server;
let secret: string;
let keyId: string;
const origin = () => new URL(gateway.proxyUrl).origin;

/** An upstream that sends a 200's headers and half its JSON, then resets the connection. */
function startResettingUpstream(): Promise<Server> {
  const server = createServer((socket: Socket) => {
    socket.once("data", () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{"id":"chatcmpl-1","object":"chat.completion","choi');
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    socket.on("error", () => {});
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  process.env.GATEWAY_MAX_BODY_BYTES = String(MAX_BODY_BYTES);
  healthy = await startFakeOpenAI();
  resetting = await startResettingUpstream();
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  const resettingUrl = `http://127.0.0.1:${(resetting.address() as { port: number }).port}/v1`;
  await gateway.api("POST", "/api/v1/providers", { slug: "flaky", type: "openai", baseUrl: resettingUrl, apiKey: "sk-1" });
  await gateway.api("POST", "/api/v1/providers", { slug: "good", type: "openai", baseUrl: healthy.url, apiKey: "sk-2" });
  const group = await gateway.api("POST", "/api/v1/routing-groups", {
    slug: "pair",
    members: [
      { provider: "flaky", priority: 1, weight: 1 },
      { provider: "good", priority: 0, weight: 1 },
    ],
  });
  expect(group.status).toBe(201);
  const key = await gateway.api("POST", "/api/v1/keys", { name: "hardening", kind: "project" });
  secret = key.body.secret;
  keyId = key.body.id;
});

afterAll(async () => {
  delete process.env.GATEWAY_MAX_BODY_BYTES;
  await healthy?.close();
  await new Promise((resolve) => resetting?.close(resolve));
  await gateway?.close();
});

const authorized = { authorization: "Bearer ", "content-type": "application/json" };
const headers = () => ({ ...authorized, authorization: `Bearer ${secret}` });

describe("malformed requests", () => {
  it("answers malformed percent-encoding in the route name with 400, not 500", async () => {
    for (const path of ["/proxy/%zz/chat/completions", "/proxy/%/models", "/proxy/%E0%A4%A/chat/completions"]) {
      const response = await fetch(`${origin()}${path}`, { method: "POST", headers: headers(), body: "{}" });
      expect(response.status, path).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_request");
    }
  });

  it("refuses TRACE and other methods with 405 and an Allow header", async () => {
    for (const method of ["TRACE", "PROPFIND"]) {
      const status = await new Promise<{ status: number; allow: string | undefined; code: string | undefined }>((resolve, reject) => {
        const call = httpRequest(`${gateway.proxyUrl}/good/chat/completions`, { method, headers: headers() }, (response) => {
          response.resume();
          resolve({ status: response.statusCode!, allow: response.headers.allow, code: response.headers["x-gateway-error-code"] as string });
        });
        call.on("error", reject);
        call.end();
      });
      expect(status).toEqual({ status: 405, allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", code: "method_not_allowed" });
    }
  });

  it("answers a body over the limit with a 413 the client can read, with or without Content-Length", async () => {
    const body = Buffer.alloc(MAX_BODY_BYTES * 4, "x");
    for (const declared of [true, false]) {
      const status = await new Promise<number>((resolve, reject) => {
        const call = httpRequest(
          `${gateway.proxyUrl}/good/chat/completions`,
          { method: "POST", headers: { ...headers(), ...(declared ? { "content-length": String(body.byteLength) } : {}) } },
          (response) => {
            response.resume();
            resolve(response.statusCode!);
          },
        );
        call.on("error", reject);
        // Sent in pieces, as a real upload is: the gateway must keep reading (and discarding) until the end.
        for (let offset = 0; offset < body.byteLength; offset += 64 * 1024) call.write(body.subarray(offset, offset + 64 * 1024));
        call.end();
      });
      expect(status, declared ? "with Content-Length" : "chunked").toBe(413);
    }
  });
});

describe("refusals that retrying cannot fix", () => {
  it("say x-should-retry: false, and the SDKs do not retry them", async () => {
    const response = await fetch(`${gateway.proxyUrl}/good/chat/completions`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer gw_wrong" }, body: "{}" });
    expect(response.status).toBe(401);
    expect(response.headers.get("x-should-retry")).toBe("false");

    const limited = await gateway.api("POST", "/api/v1/keys", { name: "spent", kind: "project", limits: { total: 0.000001 } });
    await gateway.api("PATCH", "/api/v1/providers/good", { prices: [{ model: "gpt-4o-mini", inputPerMillion: 1000, outputPerMillion: 1000 }] });
    const before = healthy.requests.length;
    const client = new OpenAI({ baseURL: `${gateway.proxyUrl}/good`, apiKey: limited.body.secret, maxRetries: 3 });
    const error = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }).catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers.get("x-should-retry")).toBe("false");
    expect(healthy.requests.length).toBe(before);
    await flushUsage();
    const refusals = (await gateway.api("GET", `/api/v1/usage?key=${limited.body.id}&limit=10`)).body.items;
    expect(refusals).toHaveLength(1); // one attempt, not four

    const anthropic = new Anthropic({ baseURL: `${gateway.proxyUrl}/good`, apiKey: limited.body.secret, maxRetries: 3 });
    const anthropicError = await anthropic.messages.create({ model: "gpt-4o-mini", max_tokens: 5, messages: [{ role: "user", content: "Hi" }] }).catch((caught) => caught);
    // v1/messages is no operation of an OpenAI-type route: with a USD limit on the key it cannot be metered, so it is refused.
    expect(anthropicError.status).toBe(400);
    expect(anthropicError.headers.get("x-should-retry")).toBe("false");
    await flushUsage();
    expect((await gateway.api("GET", `/api/v1/usage?key=${limited.body.id}&limit=10`)).body.items).toHaveLength(2);
  });
});

describe("an upstream that resets the connection in the middle of its JSON answer", () => {
  it("is a 502 upstream_unavailable in the route's shape, recorded once", async () => {
    const response = await fetch(`${gateway.proxyUrl}/flaky/chat/completions`, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }),
    });
    expect(response.status).toBe(502);
    expect((await response.json()).error.code).toBe("upstream_unavailable");
    await flushUsage();
    const items = (await gateway.api("GET", `/api/v1/usage?key=${keyId}&limit=50`)).body.items.filter((item: { provider: string }) => item.provider === "flaky");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 502, error: "upstream_unavailable" });
  });

  it("fails over to the next member of a routing group, since nothing reached the client", async () => {
    const client = new OpenAI({ baseURL: `${gateway.proxyUrl}/pair`, apiKey: secret, maxRetries: 0 });
    const answer = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }).withResponse();
    expect(answer.response.status).toBe(200);
    expect(answer.response.headers.get("x-gateway-provider")).toBe("good");
    expect(answer.response.headers.get("x-gateway-attempts")).toBe("2");
  });
});

describe("connection upgrades", () => {
  it("answers a WebSocket upgrade on /proxy at once with 426 in the route's shape", async () => {
    const outcome = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = new WebSocket(`${origin().replace("http", "ws")}/proxy/good/responses`, { headers: { authorization: `Bearer ${secret}` } });
      socket.on("unexpected-response", (_request, response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body }));
      });
      socket.on("open", () => reject(new Error("the upgrade was accepted")));
      socket.on("error", () => {});
    });
    expect(outcome.status).toBe(426);
    expect(JSON.parse(outcome.body).error.code).toBe("upgrade_not_supported");
  });

  it("serves a GET that asks to switch to h2c (curl --http2) in HTTP/1.1", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const call = httpRequest(`${gateway.proxyUrl}/models`, {
        headers: { authorization: `Bearer ${secret}`, connection: "Upgrade, HTTP2-Settings", upgrade: "h2c", "http2-settings": "AAMAAABkAARAAAAAAAIAAAAA" },
      });
      call.on("response", (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      call.on("upgrade", () => reject(new Error("switched protocols")));
      call.on("error", reject);
      call.end();
    });
    expect(status).toBe(200);
  });
});
