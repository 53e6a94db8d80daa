// The proxy port against clients no SDK would be: oversized headers, malformed
// Host values, bodies too deep or not UTF-8, clients that trickle their headers
// or body or never send a byte, and one address opening too many connections.
// Each gets an answer it can read (or its socket closed), never a hang or a 500.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();
const MAX_CONNECTIONS = 30;

let gateway: TestGateway;
let upstream: FakeServer;
let secret: string;
let port: number;

beforeAll(async () => {
  process.env.GATEWAY_HEADERS_TIMEOUT_MS = "1500";
  process.env.GATEWAY_REQUEST_TIMEOUT_MS = "2500";
  process.env.GATEWAY_MAX_CONNECTIONS_PER_ADDRESS = String(MAX_CONNECTIONS);
  upstream = await startFakeOpenAI();
  gateway = await startTestGateway();
  port = Number(new URL(gateway.origin).port);
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  await gateway.api("POST", "/api/v1/providers", { slug: "good", type: "openai", baseUrl: upstream.url, apiKey: "sk-1" });
  secret = (await gateway.api("POST", "/api/v1/keys", { name: "edge", kind: "project" })).body.secret;
});

afterAll(async () => {
  for (const name of ["GATEWAY_HEADERS_TIMEOUT_MS", "GATEWAY_REQUEST_TIMEOUT_MS", "GATEWAY_MAX_CONNECTIONS_PER_ADDRESS"]) delete process.env[name];
  await upstream?.close();
  await gateway?.close();
});

/** A raw connection: what it was sent back, once the gateway closed it (or `untilText` arrived). */
function exchange(bytes: Buffer | string, options: { untilText?: string } = {}): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, "127.0.0.1");
  const answer = new Promise<string>((resolve) => {
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (options.untilText && received.includes(options.untilText)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve(received));
  });
  if (bytes.length) socket.write(bytes);
  return { socket, answer };
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

function post(body: Buffer): Buffer {
  const head = `POST /proxy/good/chat/completions HTTP/1.1\r\nhost: gateway\r\nauthorization: Bearer ${secret}\r\ncontent-type: application/json\r\ncontent-length: ${body.byteLength}\r\nconnection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), body]);
}

describe("bodies", () => {
  it("refuses a 10,000-deep JSON body with stream: true as 400 invalid_request, not a stack overflow", async () => {
    const body = Buffer.from(`{"model":"gpt-4o-mini","stream":true,"messages":[],"x":${"[".repeat(10_000)}${"]".repeat(10_000)}}`);
    const answer = await exchange(post(body)).answer;
    expect(statusOf(answer), answer.slice(0, 200)).toBe(400);
    expect(answer).toContain('"code":"invalid_request"');
    expect(answer).toContain("nests deeper");
  });

  it("refuses a body that is not UTF-8 as 400 invalid_request", async () => {
    const body = Buffer.concat([Buffer.from('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}]}')]);
    const answer = await exchange(post(body)).answer;
    expect(statusOf(answer), answer.slice(0, 200)).toBe(400);
    expect(answer).toContain("not valid UTF-8");
  });

  it("still serves a body nested as deep as real tool schemas go", async () => {
    let schema = '{"type":"string"}';
    for (let level = 0; level < 40; level++) schema = `{"type":"object","properties":{"inner":${schema}}}`;
    const body = Buffer.from(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"tools":[{"type":"function","function":{"name":"deep","parameters":${schema}}}]}`);
    const answer = await exchange(post(body)).answer;
    expect(statusOf(answer), answer.slice(0, 200)).toBe(200);
  });
});

describe("headers", () => {
  it("answers headers over Node's 16 KiB limit with 431", async () => {
    const answer = await exchange(`GET /proxy/models HTTP/1.1\r\nhost: gateway\r\nx-padding: ${"a".repeat(20_000)}\r\n\r\n`).answer;
    expect(statusOf(answer)).toBe(431);
  });

  it.each(["a b", "", "a@b", "[::1", "evil.example:99999"])("answers a request with Host %j, and never uses it to decide access", async (host) => {
    const anonymous = await exchange(`GET /proxy/models HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`).answer;
    expect(statusOf(anonymous)).toBe(401);
    const keyed = await exchange(`GET /proxy/models HTTP/1.1\r\nhost: ${host}\r\nauthorization: Bearer ${secret}\r\nconnection: close\r\n\r\n`).answer;
    expect(statusOf(keyed)).toBe(200);
  });
});

describe("slow clients", () => {
  it("answers 408 to a client that trickles its headers past the header timeout", async () => {
    const { answer } = exchange("GET /proxy/models HTTP/1.1\r\nhost: gateway\r\n");
    expect(statusOf(await answer)).toBe(408);
  });

  it("answers 408 to a client that stops sending its body before the request timeout", async () => {
    const { answer } = exchange(`POST /proxy/good/chat/completions HTTP/1.1\r\nhost: gateway\r\nauthorization: Bearer ${secret}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"model":`);
    expect(statusOf(await answer)).toBe(408);
  });

  it("closes a connection that never sends a byte", async () => {
    const { answer } = exchange("");
    expect(await answer).toBe(""); // resolved by the close: the gateway let go of the socket
  });
});

describe("connections per client address", () => {
  it(`answers the connection past ${MAX_CONNECTIONS} from one address with 429, and admits again once one closes`, async () => {
    const held: Socket[] = [];
    const opened: Array<Promise<void>> = [];
    for (let index = 0; index < MAX_CONNECTIONS; index++) {
      const socket = connect(port, "127.0.0.1");
      socket.on("error", () => {});
      held.push(socket);
      // A partial request holds the connection open without finishing it.
      opened.push(new Promise((resolve) => socket.once("connect", () => socket.write("GET /proxy/models HTTP/1.1\r\n", () => resolve()))));
    }
    await Promise.all(opened);
    const refused = await exchange("GET /proxy/models HTTP/1.1\r\nhost: gateway\r\n\r\n").answer;
    expect(statusOf(refused)).toBe(429);
    expect(refused).toContain("too_many_connections");

    const closed = new Promise((resolve) => held[0].once("close", resolve));
    held[0].destroy();
    await closed;
    let admitted = 429;
    // The gateway sees the close a moment after the client: retry until it has.
    for (let tries = 0; tries < 50 && admitted === 429; tries++) {
      admitted = statusOf(await exchange(`GET /proxy/models HTTP/1.1\r\nhost: gateway\r\nauthorization: Bearer ${secret}\r\nconnection: close\r\n\r\n`).answer);
    }
    expect(admitted).toBe(200);
    for (const socket of held) socket.destroy();
  });
});
