// Every OpenAI-wire provider type (SPEC §2) through the gateway with the official
// openai SDK: JSON and streaming round trips metered at the exact price, the
// provider's credential in that type's header, and neither the gateway key nor
// the client's credentials or cookies ever reaching the upstream.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import OpenAI from "openai";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { addProviders, catalogCostUsd, expectGatewayHeaders, meteredRow, startGatewayWithProviders, usageRowOf } from "../helpers/provider-scenario";
import { CLIENT_EXTRA_HEADERS, expectClientHeadersFiltered, expectNoGatewayKey, expectNoGatewayKeyInAny } from "../helpers/upstream-assertions";
import { startFakeOpenAI } from "../fakes/openai-upstream";
import { startFakeMistral } from "../fakes/mistral-upstream";
import { DEFAULT_REPLY_TEXT, type FakeServer, type FakeServerOptions, type RecordedRequest } from "../fakes/fake-server";
import type { ProviderType } from "@/lib/providers/schemas";

useTestDatabase();

const UPSTREAM_KEY = "sk-upstream-provider-credential";
// Fixed fake usage and custom prices, so every cost below is computed by hand:
// 1,234 input tokens × $2/M + 567 output tokens × $8/M = $0.002468 + $0.004536 = $0.007004.
const FAKE_USAGE = { inputTokens: 1234, outputTokens: 567 };
const PRICE = { inputPerMillion: 2, outputPerMillion: 8 };
const CUSTOM_COST_USD = 0.007004;

interface WireCase {
  type: ProviderType;
  /** Where the upstream must find the provider's credential; null: nowhere (Ollama without a key). */
  credentialHeader: "authorization" | "api-key" | null;
  /** Path of the provider's base URL on the fake (Azure's resource serves /openai/v1). */
  basePath: string;
  /** A model @pydantic/genai-prices knows for this type, used both with and without custom prices. */
  model: string;
  /** Whether the gateway adds stream_options.include_usage to chat streams (all but Mistral). */
  injectsStreamUsage: boolean;
  startUpstream(options: FakeServerOptions): Promise<FakeServer>;
}

/** Most OpenAI-wire servers serve /v1, accept stream_options and look like the shared OpenAI fake. */
const wire = (type: ProviderType, credentialHeader: WireCase["credentialHeader"], model: string, overrides: Partial<WireCase> = {}): WireCase => ({
  type, credentialHeader, model, basePath: "/v1", injectsStreamUsage: true, startUpstream: startFakeOpenAI, ...overrides,
});

const CASES: WireCase[] = [
  wire("openai", "authorization", "gpt-4o-mini"),
  wire("azure", "api-key", "gpt-4o-mini", { basePath: "/openai/v1" }),
  wire("groq", "authorization", "llama-3.3-70b-versatile"),
  wire("mistral", "authorization", "mistral-small-latest", { injectsStreamUsage: false, startUpstream: startFakeMistral }),
  wire("huggingface", "authorization", "meta-llama/Llama-3.3-70B-Instruct:groq"),
  wire("doubleword", "authorization", "Qwen/Qwen3-VL-235B-A22B-Instruct-FP8"),
  wire("together", "authorization", "meta-llama/Llama-3.3-70B-Instruct-Turbo"),
  wire("ollama", null, "deepseek-r1"),
  wire("openai-compatible", "authorization", "gpt-4o-mini"),
];
const caseOf = (type: ProviderType) => CASES.find((wireCase) => wireCase.type === type)!;

let gateway: TestGateway;
let gatewayKey: string;
const upstreams = new Map<ProviderType, FakeServer>();

beforeAll(async () => {
  ({ gateway, gatewayKey } = await startGatewayWithProviders("openai-family"));
});

afterAll(async () => {
  for (const upstream of upstreams.values()) await upstream.close();
  await gateway?.close();
});

// Whatever a test set on a fake (the models list), the next one starts from the usual answers.
beforeEach(() => {
  for (const upstream of upstreams.values()) upstream.setBehaviour({ usage: FAKE_USAGE });
});

/** Starts a fake for the case and registers two providers on it: `<type>` with custom prices, `<type>-catalog` without. */
async function setUpProviders(wireCase: WireCase): Promise<FakeServer> {
  const hasKey = wireCase.credentialHeader !== null;
  const upstream = await wireCase.startUpstream({ apiKey: hasKey ? UPSTREAM_KEY : undefined, behaviour: { usage: FAKE_USAGE } });
  upstreams.set(wireCase.type, upstream);
  const common = { type: wireCase.type, baseUrl: upstream.origin + wireCase.basePath, ...(hasKey ? { apiKey: UPSTREAM_KEY } : {}) };
  const prices = [wireCase.model, "gpt-4.1", "text-embedding-3-small"].map((model) => ({ model, ...PRICE }));
  await addProviders(gateway, [
    { ...common, slug: wireCase.type, prices },
    { ...common, slug: `${wireCase.type}-catalog` },
  ]);
  return upstream;
}

function clientFor(route: string, options: { defaultHeaders?: Record<string, string>; defaultQuery?: Record<string, string> } = {}): OpenAI {
  return new OpenAI({ baseURL: `${gateway.proxyUrl}/${route}`, apiKey: gatewayKey, maxRetries: 0, ...options });
}

const chatBody = (model: string) => ({ model, messages: [{ role: "user" as const, content: "Hi" }] });
const usageRow = (requestId: string | null) => usageRowOf(gateway, requestId);
/** The stream_options the upstream received with its last request. */
const sentStreamOptions = (upstream: FakeServer) => (upstream.requests.at(-1)!.json as { stream_options?: unknown }).stream_options;

function expectProviderCredential(request: RecordedRequest, wireCase: WireCase): void {
  const { authorization, "api-key": apiKeyHeader, "x-api-key": xApiKey } = request.headers;
  expect(xApiKey).toBeUndefined();
  if (wireCase.credentialHeader === "authorization") {
    expect(authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    expect(apiKeyHeader).toBeUndefined();
  } else if (wireCase.credentialHeader === "api-key") {
    expect(apiKeyHeader).toBe(UPSTREAM_KEY);
    expect(authorization).toBeUndefined();
  } else {
    expect(authorization).toBeUndefined();
    expect(apiKeyHeader).toBeUndefined();
  }
}

type ChatChunk = OpenAI.Chat.Completions.ChatCompletionChunk;

async function collectChunks(stream: AsyncIterable<ChatChunk>): Promise<{ chunks: ChatChunk[]; text: string }> {
  const chunks: ChatChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? "").join("");
  return { chunks, text };
}

describe.each(CASES)("$type", (wireCase) => {
  let upstream: FakeServer;
  const route = wireCase.type;
  const chatPath = `${wireCase.basePath}/chat/completions`;

  beforeAll(async () => {
    upstream = await setUpProviders(wireCase);
  });

  it("answers a JSON chat completion and meters it at the provider's custom price", async () => {
    const { data, response } = await clientFor(route).chat.completions.create(chatBody(wireCase.model)).withResponse();
    expect(data.choices[0].message.content).toBe(DEFAULT_REPLY_TEXT);
    expectGatewayHeaders(response.headers, route, "json");
    expect(response.headers.get("x-gateway-cost-usd")).toBe(CUSTOM_COST_USD.toFixed(6));

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: chatPath, json: chatBody(wireCase.model) });
    expectProviderCredential(received, wireCase);
    expectNoGatewayKey(received, gatewayKey);

    const row = await usageRow(response.headers.get("x-gateway-request-id"));
    expect(row).toMatchObject(meteredRow(route, wireCase.model, FAKE_USAGE, CUSTOM_COST_USD));
  });

  it("streams a chat completion and meters it from the stream's usage", async () => {
    const client = clientFor(route);
    const { data: stream, response } = await client.chat.completions.create({ ...chatBody(wireCase.model), stream: true }).withResponse();
    const { chunks, text } = await collectChunks(stream);
    expect(text).toBe(DEFAULT_REPLY_TEXT);
    expect(chunks.length).toBeGreaterThan(2);
    expectGatewayHeaders(response.headers, route, "stream");
    for (const chunk of chunks) expect(chunk.choices.length).toBeGreaterThan(0);
    // Where usage was asked for on the client's behalf, its chunk is hidden again;
    // Mistral (not injected) puts usage on its last real chunk, which passes untouched.
    expect(chunks.filter((chunk) => chunk.usage).length).toBe(wireCase.injectsStreamUsage ? 0 : 1);

    const received = upstream.requests.at(-1)!;
    expect(sentStreamOptions(upstream)).toEqual(wireCase.injectsStreamUsage ? { include_usage: true } : undefined);
    expectProviderCredential(received, wireCase);
    expectNoGatewayKey(received, gatewayKey);

    const row = await usageRow(response.headers.get("x-gateway-request-id"));
    expect(row).toMatchObject(meteredRow(route, wireCase.model, FAKE_USAGE, CUSTOM_COST_USD));
  });

  it.runIf(wireCase.injectsStreamUsage)("hands the usage chunk to a client that asked for it", async () => {
    const { data: stream, response } = await clientFor(route)
      .chat.completions.create({ ...chatBody(wireCase.model), stream: true, stream_options: { include_usage: true } })
      .withResponse();
    const { chunks, text } = await collectChunks(stream);
    expect(text).toBe(DEFAULT_REPLY_TEXT);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: FAKE_USAGE.inputTokens, completion_tokens: FAKE_USAGE.outputTokens });
    expect(sentStreamOptions(upstream)).toEqual({ include_usage: true });

    const row = await usageRow(response.headers.get("x-gateway-request-id"));
    expect(row).toMatchObject({ ...FAKE_USAGE, costUsd: CUSTOM_COST_USD });
  });

  it.runIf(wireCase.injectsStreamUsage)("still meters, and hides usage from, a client that turned include_usage off", async () => {
    const { data: stream, response } = await clientFor(route)
      .chat.completions.create({ ...chatBody(wireCase.model), stream: true, stream_options: { include_usage: false } })
      .withResponse();
    const { chunks } = await collectChunks(stream);
    expect(chunks.filter((chunk) => chunk.usage || chunk.choices.length === 0)).toEqual([]);
    expect(sentStreamOptions(upstream)).toEqual({ include_usage: true });
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject({ ...FAKE_USAGE, costUsd: CUSTOM_COST_USD });
  });

  it("prices a well-known model from the genai-prices catalog when the provider sets no prices", async () => {
    const catalogRoute = `${route}-catalog`;
    const { response } = await clientFor(catalogRoute).chat.completions.create(chatBody(wireCase.model)).withResponse();
    // Catalog and custom price differ, so this also proves the custom price won above.
    const catalogCost = catalogCostUsd(wireCase.type, wireCase.model, FAKE_USAGE, CUSTOM_COST_USD);
    expect(response.headers.get("x-gateway-cost-usd")).toBe(catalogCost.toFixed(6));

    const row = await usageRow(response.headers.get("x-gateway-request-id"));
    expect(row).toMatchObject({ provider: catalogRoute, model: wireCase.model, status: 200, ...FAKE_USAGE, costUsd: catalogCost });
  });

  it("forwards harmless client headers and the query, but no client credential or cookie", async () => {
    const client = clientFor(route, {
      defaultHeaders: {
        ...CLIENT_EXTRA_HEADERS,
        "x-api-key": gatewayKey,
        "api-key": gatewayKey,
        "proxy-authorization": `Bearer ${gatewayKey}`,
      },
      defaultQuery: { key: gatewayKey, "request-tag": "q7" },
    });
    const { response } = await client.chat.completions.create(chatBody(wireCase.model)).withResponse();
    expect(response.status).toBe(200);

    const received = upstream.requests.at(-1)!;
    expectClientHeadersFiltered(received);
    expect(received.search).toBe("?request-tag=q7");
    expect(received.headers["proxy-authorization"]).toBeUndefined();
    expectProviderCredential(received, wireCase);
    expectNoGatewayKey(received, gatewayKey);
  });
});

describe("openai: Responses, embeddings and models", () => {
  const route = "openai";
  const upstream = () => upstreams.get("openai")!;

  it("answers a JSON Responses API call and meters it", async () => {
    const { data, response } = await clientFor(route).responses.create({ model: "gpt-4.1", input: "Hi" }).withResponse();
    expect(data.output_text).toBe(DEFAULT_REPLY_TEXT);
    expectGatewayHeaders(response.headers, route, "json");
    expect(response.headers.get("x-gateway-cost-usd")).toBe(CUSTOM_COST_USD.toFixed(6));
    const received = upstream().requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: "/v1/responses", json: { model: "gpt-4.1", input: "Hi" } });
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject({
      provider: route, model: "gpt-4.1", status: 200, ...FAKE_USAGE, costUsd: CUSTOM_COST_USD,
    });
  });

  it("streams a Responses API call untouched and meters it from response.completed", async () => {
    const { data: stream, response } = await clientFor(route).responses.create({ model: "gpt-4.1", input: "Hi", stream: true }).withResponse();
    let text = "";
    const types: string[] = [];
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "response.output_text.delta") text += event.delta;
    }
    expect(text).toBe(DEFAULT_REPLY_TEXT);
    expect(types.at(-1)).toBe("response.completed");
    expectGatewayHeaders(response.headers, route, "stream");
    // The Responses API always reports usage: nothing is injected into the body.
    expect(upstream().requests.at(-1)!.json).toEqual({ model: "gpt-4.1", input: "Hi", stream: true });
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject({
      provider: route, model: "gpt-4.1", status: 200, ...FAKE_USAGE, costUsd: CUSTOM_COST_USD,
    });
  });

  it("creates embeddings and meters their input tokens only", async () => {
    const { data, response } = await clientFor(route)
      .embeddings.create({ model: "text-embedding-3-small", input: ["first", "second"] })
      .withResponse();
    expect(data.data).toHaveLength(2);
    expect(data.data[0].embedding).toHaveLength(8);
    expect(data.data[0].embedding.every((value) => Number.isFinite(value))).toBe(true);
    // 1,234 input tokens × $2/M; embeddings have no output.
    expect(response.headers.get("x-gateway-cost-usd")).toBe("0.002468");
    expect(upstream().requests.at(-1)).toMatchObject({ path: "/v1/embeddings", json: { model: "text-embedding-3-small", input: ["first", "second"] } });
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject({
      provider: route, model: "text-embedding-3-small", status: 200, inputTokens: FAKE_USAGE.inputTokens, outputTokens: 0, costUsd: 0.002468,
    });
  });

  it("lists the upstream's models on the provider route, at no cost", async () => {
    upstream().setBehaviour({ usage: FAKE_USAGE, models: ["gpt-4o-mini", "gpt-4.1", "o4-mini"] });
    const { data: page, response } = await clientFor(route).models.list().withResponse();
    expect(page.data.map((model) => model.id)).toEqual(["gpt-4o-mini", "gpt-4.1", "o4-mini"]);
    expectGatewayHeaders(response.headers, route, "json");
    expect(response.headers.get("x-gateway-cost-usd")).toBe("0.000000");
    const received = upstream().requests.at(-1)!;
    expect(received).toMatchObject({ method: "GET", path: "/v1/models" });
    expectProviderCredential(received, caseOf("openai"));
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject({ provider: route, status: 200, costUsd: 0 });
  });
});

describe("azure: the gateway key in api-key, as Azure clients send it", () => {
  it("is accepted, stripped, and replaced by the provider's api-key", async () => {
    const response = await fetch(`${gateway.proxyUrl}/azure/chat/completions`, {
      method: "POST",
      headers: { "api-key": gatewayKey, "content-type": "application/json" },
      body: JSON.stringify(chatBody("gpt-4o-mini")),
    });
    expect(response.status).toBe(200);
    expectGatewayHeaders(response.headers, "azure", "json");
    const received = upstreams.get("azure")!.requests.at(-1)!;
    expect(received.path).toBe("/openai/v1/chat/completions");
    expectProviderCredential(received, caseOf("azure"));
    expectNoGatewayKey(received, gatewayKey);
  });
});

describe("every upstream request of this file", () => {
  it("carried no gateway key in any header or in the query string", () => {
    const all = [...upstreams.values()].flatMap((upstream) => upstream.requests);
    expectNoGatewayKeyInAny(all, gatewayKey, { moreThan: CASES.length * 4 });
  });
});
