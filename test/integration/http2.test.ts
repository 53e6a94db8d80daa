// The proxy port also accepts cleartext HTTP/2 (prior knowledge), which the
// AWS Bedrock SDK uses by default, next to HTTP/1.1 on the same port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "node:http2";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();

let gateway: TestGateway;
let upstream: FakeServer;
let secret: string;

beforeAll(async () => {
  upstream = await startFakeOpenAI();
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  await gateway.api("POST", "/api/v1/providers", { slug: "h2", type: "openai", baseUrl: upstream.url, apiKey: "sk-1" });
  secret = (await gateway.api("POST", "/api/v1/keys", { name: "h2", kind: "project" })).body.secret;
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

function http2Post(path: string, body: unknown): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const session = connect(gateway.origin);
    session.on("error", reject);
    const stream = session.request({
      ":method": "POST",
      ":path": path,
      authorization: `Bearer ${secret}`,
      "content-type": "application/json",
    });
    let text = "";
    let headers: Record<string, unknown> = {};
    stream.on("response", (received) => (headers = received));
    stream.on("data", (chunk) => (text += chunk));
    stream.on("end", () => {
      session.close();
      resolve({ status: Number(headers[":status"]), headers, text });
    });
    stream.on("error", reject);
    stream.end(JSON.stringify(body));
  });
}

describe("HTTP/2 on the proxy port", () => {
  it("serves a JSON request over cleartext HTTP/2", async () => {
    const answer = await http2Post("/proxy/h2/chat/completions", { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-gateway-provider"]).toBe("h2");
    expect(JSON.parse(answer.text).choices[0].message.content).toContain("Hello");
  });

  it("streams over HTTP/2 too", async () => {
    const answer = await http2Post("/proxy/h2/chat/completions", { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }], stream: true });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("data: [DONE]");
  });

  it("still serves HTTP/1.1 on the same port", async () => {
    const response = await fetch(`${gateway.proxyUrl}/h2/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }),
    });
    expect(response.status).toBe(200);
  });
});
