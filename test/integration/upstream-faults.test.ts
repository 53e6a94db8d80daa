// Every way an upstream can fail (the hardening issue, "Upstream faults"), for each
// error shape the proxy speaks (OpenAI, Anthropic, Gemini, Bedrock): refused,
// reset before headers, reset mid-JSON, TLS failure, slow first byte, invalid JSON
// under a 200, and for streams a reset or a clean end before the protocol's own
// ending. Each is answered in the caller's own format and recorded with exactly one
// usage row; before the first byte, a routing group fails over past all of them.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, startTestGateway, type TestGateway } from "../helpers/gateway";
import type { FakeBehaviour, FakeServer } from "../fakes/fake-server";
import { startFakeOpenAI } from "../fakes/openai-upstream";
import { startFakeAnthropic } from "../fakes/anthropic-upstream";
import { startFakeGemini } from "../fakes/google-upstream";
import { startFakeBedrock } from "../fakes/bedrock-upstream";

useTestDatabase();

interface Shape {
  name: "openai" | "anthropic" | "google" | "bedrock";
  provider: Record<string, unknown>;
  start: (behaviour: FakeBehaviour) => Promise<FakeServer>;
  /** Appended to a raw server's origin, as the fake's own base path. */
  basePath: string;
  json: { path: string; body: unknown };
  stream: { path: string; body: unknown };
  /** True when `body` is this shape's error body. */
  isErrorBody: (body: any, headers: Headers) => boolean;
  /** True when a streamed answer ends with this protocol's error event. */
  endsWithErrorEvent: (text: string) => boolean;
}

const chatBody = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] };
const messagesBody = { model: "claude-sonnet-4-5", max_tokens: 32, messages: [{ role: "user", content: "Hi" }] };
const geminiBody = { contents: [{ role: "user", parts: [{ text: "Hi" }] }] };
const converseBody = { messages: [{ role: "user", content: [{ text: "Hi" }] }] };

const SHAPES: Shape[] = [
  {
    name: "openai",
    provider: { type: "openai", apiKey: "sk-test" },
    start: (behaviour) => startFakeOpenAI({ behaviour }),
    basePath: "/v1",
    json: { path: "chat/completions", body: chatBody },
    stream: { path: "chat/completions", body: { ...chatBody, stream: true } },
    isErrorBody: (body) => body.error?.code === "upstream_unavailable" && typeof body.error.message === "string",
    endsWithErrorEvent: (text) => /data: \{"error":\{[^\n]*\}\}\n\n$/.test(text),
  },
  {
    name: "anthropic",
    provider: { type: "anthropic", apiKey: "sk-ant-test" },
    start: (behaviour) => startFakeAnthropic({ behaviour }),
    basePath: "",
    json: { path: "v1/messages", body: messagesBody },
    stream: { path: "v1/messages", body: { ...messagesBody, stream: true } },
    isErrorBody: (body) => body.type === "error" && body.error?.type === "api_error" && typeof body.error.message === "string",
    endsWithErrorEvent: (text) => /event: error\ndata: \{"type":"error"[^\n]*\n\n$/.test(text),
  },
  {
    name: "google",
    provider: { type: "google", apiKey: "goog-test" },
    start: (behaviour) => startFakeGemini({ behaviour }),
    basePath: "",
    json: { path: "v1beta/models/gemini-2.5-flash:generateContent", body: geminiBody },
    stream: { path: "v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", body: geminiBody },
    isErrorBody: (body) => body.error?.code === 502 && typeof body.error.status === "string" && typeof body.error.message === "string",
    // Google ends a failing alt=sse stream with its bare JSON error body (see stream-error-event.ts).
    endsWithErrorEvent: (text) => /\n\{"error":\{[^\n]*\}\}\n$/.test(text),
  },
  {
    name: "bedrock",
    provider: { type: "bedrock", credentials: { apiKey: "bedrock-api-key", region: "us-east-1" } },
    start: (behaviour) => startFakeBedrock({ behaviour }),
    basePath: "",
    json: { path: "model/anthropic.claude-3-haiku-20240307-v1:0/converse", body: converseBody },
    stream: { path: "model/anthropic.claude-3-haiku-20240307-v1:0/converse-stream", body: converseBody },
    isErrorBody: (body, headers) => typeof body.message === "string" && (headers.get("x-amzn-errortype") ?? "").startsWith("InternalServerException"),
    // An event-stream exception message: its headers are plain ASCII inside the binary frame.
    endsWithErrorEvent: (text) => text.lastIndexOf("exception") > text.lastIndexOf("contentBlockDelta"),
  },
];

/** Upstreams that fail below HTTP, the same for every protocol. */
const raw: Record<string, Server> = {};
let refusedPort = 0;
let gateway: TestGateway;
let secret: string;
const fakes: FakeServer[] = [];

function listen(onSocket: (socket: Socket) => void): Promise<Server> {
  const server = createServer((socket) => {
    socket.on("error", () => {});
    onSocket(socket);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
const rawUrl = (server: Server, scheme = "http") => `${scheme}://127.0.0.1:${(server.address() as { port: number }).port}`;

/** Faults that happen before any byte reaches the client, to any request: each must fail over in a group. */
const BEFORE_HEADERS = ["refused", "reset-before-headers", "tls", "slow-first-byte"] as const;
/** Faults of a JSON answer, also before anything reaches the client. */
const JSON_ONLY = ["reset-mid-json", "invalid-json"] as const;
const LONG_REPLY = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";

beforeAll(async () => {
  process.env.GATEWAY_FIRST_BYTE_TIMEOUT_MS = "400";
  raw.resetBeforeHeaders = await listen((socket) => socket.once("data", () => socket.resetAndDestroy()));
  raw.resetMidJson = await listen((socket) =>
    socket.once("data", () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{"id":"msg_1","type":"mess');
      setTimeout(() => socket.resetAndDestroy(), 20);
    }),
  );
  // Speaks plain HTTP where the gateway expects TLS: the handshake fails.
  raw.plainText = await listen((socket) => socket.once("data", () => socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n")));
  const closed = await listen(() => {});
  refusedPort = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));

  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  for (const shape of SHAPES) {
    const healthy = await shape.start({});
    const slow = await shape.start({ delayMs: 5_000 });
    const invalid = await shape.start({ invalidJson: true });
    const truncating = await shape.start({ endAfterChunks: 2, replyText: LONG_REPLY });
    const dying = await shape.start({ dieAfterChunks: 2, replyText: LONG_REPLY });
    fakes.push(healthy, slow, invalid, truncating, dying);
    const baseUrls: Record<string, string> = {
      healthy: healthy.url,
      refused: `http://127.0.0.1:${refusedPort}${shape.basePath}`,
      "reset-before-headers": rawUrl(raw.resetBeforeHeaders) + shape.basePath,
      "reset-mid-json": rawUrl(raw.resetMidJson) + shape.basePath,
      tls: rawUrl(raw.plainText, "https") + shape.basePath,
      "slow-first-byte": slow.url,
      "invalid-json": invalid.url,
      truncated: truncating.url,
      "reset-mid-stream": dying.url,
    };
    for (const [fault, baseUrl] of Object.entries(baseUrls)) {
      const created = await gateway.api("POST", "/api/v1/providers", { ...shape.provider, slug: `${shape.name}-${fault}`, baseUrl });
      expect(created.status, `${shape.name}-${fault}`).toBe(201);
    }
    for (const [slug, faults] of [["json-group", [...BEFORE_HEADERS, ...JSON_ONLY]], ["stream-group", BEFORE_HEADERS]] as const) {
      const group = await gateway.api("POST", "/api/v1/routing-groups", {
        slug: `${shape.name}-${slug}`,
        members: [
          ...faults.map((fault, index) => ({ provider: `${shape.name}-${fault}`, priority: 100 - index, weight: 1 })),
          { provider: `${shape.name}-healthy`, priority: 0, weight: 1 },
        ],
      });
      expect(group.status).toBe(201);
    }
  }
  secret = (await gateway.api("POST", "/api/v1/keys", { name: "faults", kind: "project" })).body.secret;
});

afterAll(async () => {
  delete process.env.GATEWAY_FIRST_BYTE_TIMEOUT_MS;
  for (const fake of fakes) await fake.close();
  for (const server of Object.values(raw)) await new Promise((resolve) => server.close(resolve));
  await gateway?.close();
});

function call(route: string, request: { path: string; body: unknown }): Promise<Response> {
  return fetch(`${gateway.proxyUrl}/${route}/${request.path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "anthropic-version": "2023-06-01" },
    body: JSON.stringify(request.body),
  });
}

async function rowsOf(provider: string): Promise<Array<Record<string, unknown>>> {
  await flushUsage();
  const items = (await gateway.api("GET", "/api/v1/usage?limit=500")).body.items as Array<Record<string, unknown>>;
  return items.filter((item) => item.provider === provider);
}

describe.each(SHAPES)("$name routes", (shape) => {
  async function expectUpstreamUnavailable(route: string, request: { path: string; body: unknown }): Promise<void> {
    const response = await call(route, request);
    expect(response.status, request.path).toBe(502);
    expect(response.headers.get("x-gateway-error-code")).toBe("upstream_unavailable");
    const body = await response.json();
    expect(shape.isErrorBody(body, response.headers), JSON.stringify(body)).toBe(true);
  }

  it.each(BEFORE_HEADERS)("%s: 502 upstream_unavailable in the route's shape, JSON and stream, one usage row each", async (fault) => {
    await expectUpstreamUnavailable(`${shape.name}-${fault}`, shape.json);
    await expectUpstreamUnavailable(`${shape.name}-${fault}`, shape.stream);
    const rows = await rowsOf(`${shape.name}-${fault}`);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ status: 502, error: "upstream_unavailable", attempts: 1 });
  });

  it.each(JSON_ONLY)("%s: 502 upstream_unavailable in the route's shape, one usage row", async (fault) => {
    await expectUpstreamUnavailable(`${shape.name}-${fault}`, shape.json);
    const rows = await rowsOf(`${shape.name}-${fault}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 502, error: "upstream_unavailable", attempts: 1 });
  });

  it.each(["truncated", "reset-mid-stream"])("%s stream: the protocol's error event ends it, recorded as an upstream error", async (fault) => {
    const response = await call(`${shape.name}-${fault}`, shape.stream);
    expect(response.status).toBe(200);
    const text = Buffer.from(await response.arrayBuffer()).toString("latin1");
    expect(shape.endsWithErrorEvent(text), text.slice(-300)).toBe(true);
    const rows = await rowsOf(`${shape.name}-${fault}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ error: "upstream_error" });
  });

  it("a whole stream from a healthy upstream ends without an error event", async () => {
    const response = await call(`${shape.name}-healthy`, shape.stream);
    expect(response.status).toBe(200);
    const text = Buffer.from(await response.arrayBuffer()).toString("latin1");
    expect(shape.endsWithErrorEvent(text), text.slice(-300)).toBe(false);
    const rows = await rowsOf(`${shape.name}-healthy`);
    expect(rows.at(0)).toMatchObject({ status: 200, error: null });
  });

  it.each([
    ["JSON", "json-group", BEFORE_HEADERS.length + JSON_ONLY.length],
    ["stream", "stream-group", BEFORE_HEADERS.length],
  ] as const)("%s: a routing group fails over past every fault that came before the first byte", async (kind, group, faults) => {
    const response = await call(`${shape.name}-${group}`, kind === "JSON" ? shape.json : shape.stream);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-gateway-provider")).toBe(`${shape.name}-healthy`);
    expect(response.headers.get("x-gateway-attempts")).toBe(String(faults + 1));
    await response.arrayBuffer();
  });
});
