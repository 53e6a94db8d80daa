// The section-8 findings of issue 11, against responses recorded from the real
// APIs (../shared/peer-fixtures, read in place): count_tokens is free and never
// estimated, Anthropic's OpenAI-compatible chat/completions and Claude on Vertex
// are billed from the usage they state, an OVHcloud-hosted model gets
// OVHcloud's price (the provider's base URL goes to genai-prices). The client
// gets the recorded bytes each time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { startGatewayWithProviders, usageRowOf } from "../helpers/provider-scenario";
import { startReplayUpstream, type ReplayResponse, type ReplayServer } from "../fakes/replay-upstream";
import { startFakeGemini, type FakeGeminiServer } from "../fakes/google-upstream";
import { loadCassettes, type Cassette } from "../helpers/cassettes";
import { microsToUsd } from "@/lib/money";
import { priceRequest } from "@/lib/pricing";

useTestDatabase();

const CASSETTES = loadCassettes();
const cassette = (name: string) => CASSETTES.find((entry) => entry.name.startsWith(name))!;

let gateway: TestGateway;
let gatewayKey: string;
let upstream: ReplayServer;
let tokenIssuer: FakeGeminiServer;
let next: ReplayResponse = { body: "{}" };

beforeAll(async () => {
  upstream = await startReplayUpstream(() => next);
  tokenIssuer = await startFakeGemini();
  ({ gateway, gatewayKey } = await startGatewayWithProviders("recorded", [
    { slug: "anthropic", type: "anthropic", baseUrl: upstream.origin, apiKey: "sk-ant" },
    { slug: "vertex", type: "google-vertex", baseUrl: upstream.origin, credentials: { serviceAccountJson: tokenIssuer.serviceAccountJson(), location: "global" } },
    // The recorded host's address, served here by the replay upstream under the same path.
    { slug: "ovh", type: "openai-compatible", baseUrl: `${upstream.origin}/v1`, apiKey: "ovh" },
  ]));
});

afterAll(async () => {
  await upstream?.close();
  await tokenIssuer?.close();
  await gateway?.close();
});

async function replay(route: string, clientPath: string, recorded: Cassette) {
  next = { status: recorded.response.status, headers: { "content-type": recorded.response.headers["content-type"] }, body: recorded.response.bodyText! };
  const response = await fetch(`${gateway.proxyUrl}/${route}/${clientPath}`, {
    method: "POST",
    headers: { authorization: `Bearer ${gatewayKey}`, "content-type": "application/json", "anthropic-version": "2023-06-01" },
    body: recorded.request.body,
  });
  expect(await response.text()).toBe(recorded.response.bodyText);
  return usageRowOf(gateway, response.headers.get("x-gateway-request-id"));
}

describe("recorded answers", () => {
  it("count_tokens is free and logs no estimated tokens", async () => {
    const row = await replay("anthropic", "v1/messages/count_tokens", cassette("anthropic-6f790aa5"));
    expect(row).toMatchObject({ status: 200, inputTokens: 0, outputTokens: 0, costUsd: 0, estimated: false });
  });

  it("Anthropic's OpenAI-compatible chat/completions is billed from its usage (14 in, 10 out)", async () => {
    const row = await replay("anthropic", "v1/chat/completions", cassette("anthropic-anthropic-chat-completion"));
    const cost = priceRequest({ providerType: "anthropic", model: "claude-sonnet-4-5", usage: { inputTokens: 14, outputTokens: 10 } });
    expect(row).toMatchObject({ inputTokens: 14, outputTokens: 10, estimated: false, costUsd: microsToUsd(cost.costMicros) });
  });

  it("Claude on Vertex (rawPredict) is billed from the answer's usage (14 in, 41 out)", async () => {
    const row = await replay("vertex", "v1/publishers/anthropic/models/claude-sonnet-4:rawPredict", cassette("google-vertex-anthropic-client"));
    const cost = priceRequest({ providerType: "google-vertex", model: "claude-sonnet-4", usage: { inputTokens: 14, outputTokens: 41 } });
    expect(cost.priced).toBe(true);
    expect(row).toMatchObject({ inputTokens: 14, outputTokens: 41, estimated: false, costUsd: microsToUsd(cost.costMicros) });
  });

  it("an OVHcloud-hosted model is priced by its host when the base URL is OVHcloud's", () => {
    const usage = { inputTokens: 86, outputTokens: 40 };
    const ovh = priceRequest({ providerType: "openai-compatible", model: "gpt-oss-120b", usage, providerBaseUrl: "https://oai.endpoints.kepler.ai.cloud.ovh.net/v1" });
    // OVHcloud: 86 × $0.09 + 40 × $0.47 per million = $0.00002654 → 27 µ$.
    expect(ovh.costMicros).toBe(27n);
  });

  it("an OpenAI-compatible answer is recorded with its stated usage", async () => {
    const row = await replay("ovh", "chat/completions", cassette("ovhcloud-f26e09ce"));
    expect(row).toMatchObject({ inputTokens: 86, outputTokens: 40, estimated: false });
  });
});
