import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeServer } from "../../../test/fakes/openai-upstream";
import { azureAdapter } from "../azure";
import { doublewordAdapter } from "../doubleword";
import { groqAdapter } from "../groq";
import { huggingfaceAdapter } from "../huggingface";
import { mistralAdapter } from "../mistral";
import { ollamaAdapter } from "../ollama";
import { openaiAdapter } from "../openai";
import type { ProviderAdapter, ProviderConfig, UpstreamRequestInput } from "../types";
import { openaiCompatibleAdapter } from "./index";
import { joinUpstreamUrl } from "../shared/upstream-url";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function input(overrides: Partial<UpstreamRequestInput> & { provider: ProviderConfig }): UpstreamRequestInput {
  return { method: "POST", path: "chat/completions", search: "", headers: new Headers(), body: null, ...overrides };
}

describe("requestInfo", () => {
  it("reads model, stream and the output cap by operation", () => {
    expect(openaiAdapter.requestInfo("chat/completions", "", { model: "gpt-4o", stream: true, max_tokens: 100 })).toEqual({
      operation: "chat", model: "gpt-4o", stream: true, maxOutputTokens: 100,
    });
    expect(
      openaiAdapter.requestInfo("chat/completions", "", { model: "o3", max_completion_tokens: 2000, max_tokens: 5 }),
    ).toMatchObject({ maxOutputTokens: 2000, stream: false });
    expect(openaiAdapter.requestInfo("responses", "", { model: "gpt-4.1", max_output_tokens: 300, stream: true })).toEqual({
      operation: "chat", model: "gpt-4.1", stream: true, maxOutputTokens: 300,
    });
    expect(openaiAdapter.requestInfo("completions", "", { model: "davinci-002" })).toMatchObject({ operation: "text_completion" });
    expect(openaiAdapter.requestInfo("embeddings", "", { model: "text-embedding-3-small", input: "x" })).toEqual({
      operation: "embeddings", model: "text-embedding-3-small", stream: false,
    });
    expect(openaiAdapter.requestInfo("models", "", null)).toEqual({ operation: "list_models", stream: false });
    expect(openaiAdapter.requestInfo("v1/chat/completions", "", { model: "m" })).toMatchObject({ operation: "chat" });
  });

  it("ignores values of the wrong type", () => {
    expect(openaiAdapter.requestInfo("chat/completions", "", { model: 42, stream: "yes", max_tokens: "9" })).toEqual({
      operation: "chat", stream: false,
    });
    expect(openaiAdapter.requestInfo("chat/completions", "", "not an object")).toEqual({ operation: "chat", stream: false });
  });
});

describe("prepareBody", () => {
  const info = { operation: "chat", stream: true };

  it("asks for stream usage, keeping the client's other stream_options", () => {
    const body = { model: "gpt-4o", stream: true, stream_options: { include_obfuscation: false }, messages: [] };
    expect(openaiAdapter.prepareBody?.("chat/completions", body, info)).toEqual({
      json: { ...body, stream_options: { include_obfuscation: false, include_usage: true } },
      injectedUsage: true,
    });
    expect(body.stream_options).toEqual({ include_obfuscation: false }); // the original is not mutated
  });

  it("changes nothing when the client asked for usage, did not stream, or called another endpoint", () => {
    const asked = { model: "m", stream: true, stream_options: { include_usage: true } };
    expect(openaiAdapter.prepareBody?.("chat/completions", asked, info)).toBeNull();
    expect(openaiAdapter.prepareBody?.("chat/completions", { model: "m" }, { ...info, stream: false })).toBeNull();
    expect(openaiAdapter.prepareBody?.("responses", { model: "m", stream: true }, info)).toBeNull();
    expect(openaiAdapter.prepareBody?.("embeddings", { model: "m", stream: true }, info)).toBeNull();
    expect(openaiAdapter.prepareBody?.("chat/completions", null, info)).toBeNull();
  });

  it("injects for a client that explicitly declined usage (the observer strips it again)", () => {
    const declined = { model: "m", stream: true, stream_options: { include_usage: false } };
    expect(openaiAdapter.prepareBody?.("chat/completions", declined, info)?.injectedUsage).toBe(true);
  });

  it("does not inject for Mistral, which rejects stream_options", () => {
    expect(mistralAdapter.prepareBody?.("chat/completions", { model: "m", stream: true }, info) ?? null).toBeNull();
  });
});

describe("buildUpstreamRequest", () => {
  const body = encoder.encode('{"model":"gpt-4o","messages":[]}');
  const clientHeaders = () =>
    new Headers({
      "content-type": "application/json",
      "content-length": "3",
      authorization: "Bearer gw-secret",
      "api-key": "gw-secret",
      "x-api-key": "gw-secret",
      "openai-organization": "org-client",
      host: "gateway.example",
      "x-custom": "kept",
    });

  const cases: [ProviderAdapter, string, string | null][] = [
    [openaiAdapter, "https://api.openai.com/v1/chat/completions", "authorization"],
    [groqAdapter, "https://api.groq.com/openai/v1/chat/completions", "authorization"],
    [mistralAdapter, "https://api.mistral.ai/v1/chat/completions", "authorization"],
    [huggingfaceAdapter, "https://router.huggingface.co/v1/chat/completions", "authorization"],
    [doublewordAdapter, "https://api.doubleword.ai/v1/chat/completions", "authorization"],
    [ollamaAdapter, "http://localhost:11434/v1/chat/completions", null],
  ];
  for (const [adapter, url, authHeader] of cases) {
    it(`${adapter.type}: default base URL, provider auth only, exact content-length`, async () => {
      const credentials = adapter.type === "ollama" ? {} : { apiKey: "sk-provider" };
      const request = await adapter.buildUpstreamRequest(
        input({ headers: clientHeaders(), body, provider: { type: adapter.type, slug: "p", credentials } }),
      );
      expect(request.url).toBe(url);
      expect(request.body).toBe(body);
      expect(request.headers.get("content-length")).toBe(String(body.byteLength));
      expect(request.headers.get("x-custom")).toBe("kept");
      expect(request.headers.get("host")).toBeNull();
      expect(request.headers.get("openai-organization")).toBeNull();
      expect([...request.headers.values()].join(" ")).not.toContain("gw-secret");
      if (authHeader) expect(request.headers.get(authHeader)).toBe("Bearer sk-provider");
      else expect(request.headers.get("authorization")).toBeNull();
    });
  }

  it("azure: api-key header against the resource's /openai/v1", async () => {
    const request = await azureAdapter.buildUpstreamRequest(
      input({
        headers: clientHeaders(), body, search: "?foo=bar",
        provider: { type: "azure", slug: "az", baseUrl: "https://my-res.openai.azure.com/openai/v1/", credentials: { apiKey: "az-key" } },
      }),
    );
    expect(request.url).toBe("https://my-res.openai.azure.com/openai/v1/chat/completions?foo=bar");
    expect(request.headers.get("api-key")).toBe("az-key");
    expect(request.headers.get("authorization")).toBeNull();
  });

  it("rejects azure and openai-compatible providers without a base URL", async () => {
    for (const adapter of [azureAdapter, openaiCompatibleAdapter]) {
      const provider = { type: adapter.type, slug: "x", credentials: { apiKey: "k" } };
      await expect(adapter.buildUpstreamRequest(input({ provider }))).rejects.toThrow(/needs a base URL/);
    }
  });

  it("openai-compatible: sends no auth header without a key and drops content-length without a body", async () => {
    const headers = new Headers({ "content-length": "10", authorization: "Bearer gw-secret" });
    const request = await openaiCompatibleAdapter.buildUpstreamRequest(
      input({ method: "GET", path: "models", headers, provider: { type: "openai-compatible", slug: "vllm", baseUrl: "http://10.0.0.5:8000/v1", credentials: {} } }),
    );
    expect(request.url).toBe("http://10.0.0.5:8000/v1/models");
    expect(request.headers.get("authorization")).toBeNull();
    expect(request.headers.get("content-length")).toBeNull();
  });

  it("joins base URLs, paths and queries with exactly one slash and keeps the base path", () => {
    expect(joinUpstreamUrl("https://h/v1", "chat/completions", "")).toBe("https://h/v1/chat/completions");
    expect(joinUpstreamUrl("https://h/v1//", "/chat/completions", "?a=1")).toBe("https://h/v1/chat/completions?a=1");
    expect(joinUpstreamUrl("https://h/openai/v1?api-version=preview", "responses", "?b=2")).toBe(
      "https://h/openai/v1/responses?api-version=preview&b=2",
    );
    expect(joinUpstreamUrl("https://h/v1", "", "")).toBe("https://h/v1");
    expect(joinUpstreamUrl("https://h/tenant/v1", "../../admin/%2e%2e/x", "")).toBe("https://h/tenant/v1/admin/x");
  });
});

describe("isStreamingResponse", () => {
  it("trusts the content type, then the request", () => {
    expect(openaiAdapter.isStreamingResponse({ operation: "chat", stream: false }, "text/event-stream")).toBe(true);
    expect(openaiAdapter.isStreamingResponse({ operation: "chat", stream: true }, "application/json; charset=utf-8")).toBe(false);
    expect(openaiAdapter.isStreamingResponse({ operation: "chat", stream: true }, "")).toBe(true);
  });
});

describe("against the fake OpenAI upstream", () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: "sk-provider", behaviour: { usage: { inputTokens: 42, outputTokens: 7 } } });
  });
  afterAll(() => fake.close());
  const provider = (): ProviderConfig => ({ type: "openai", slug: "openai", baseUrl: fake.url, credentials: { apiKey: "sk-provider" } });

  it("meters an injected stream and hides the usage chunk from the client", async () => {
    const clientBody = { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "hi" }] };
    const info = openaiAdapter.requestInfo("chat/completions", "", clientBody);
    const prepared = openaiAdapter.prepareBody?.("chat/completions", clientBody, info);
    expect(prepared?.injectedUsage).toBe(true);
    const upstream = await openaiAdapter.buildUpstreamRequest(
      input({ headers: new Headers({ "content-type": "application/json" }), body: encoder.encode(JSON.stringify(prepared?.json)), provider: provider() }),
    );
    const response = await fetch(upstream.url, { method: "POST", headers: upstream.headers, body: upstream.body && new Uint8Array(upstream.body) });
    expect(openaiAdapter.isStreamingResponse(info, response.headers.get("content-type") ?? "")).toBe(true);
    const observer = openaiAdapter.createStreamObserver({ injectedUsage: true, contentType: "text/event-stream" });
    let forwarded = "";
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) forwarded += decoder.decode(observer.transform(chunk));
    forwarded += decoder.decode(observer.flush());
    expect(observer.usage()).toMatchObject({ inputTokens: 42, outputTokens: 7, model: "gpt-4o-mini" });
    expect(forwarded).not.toContain("prompt_tokens");
    expect(forwarded).toContain("data: [DONE]");
    expect(fake.requests.at(-1)?.json).toMatchObject({ stream_options: { include_usage: true } });
  });

  it("lists models, and gives null when the upstream cannot be reached or refuses", async () => {
    fake.setBehaviour({ models: ["gpt-a", "gpt-b"] });
    expect(await openaiAdapter.listModels?.(provider())).toEqual(["gpt-a", "gpt-b"]);
    expect(await openaiAdapter.listModels?.({ ...provider(), credentials: { apiKey: "wrong" } })).toBeNull();
    fake.setBehaviour({ dropConnection: true });
    expect(await openaiAdapter.listModels?.(provider())).toBeNull();
    fake.setBehaviour({});
    expect(await azureAdapter.listModels?.({ type: "azure", slug: "az", credentials: { apiKey: "sk-provider" } })).toBeNull();
    expect(await azureAdapter.listModels?.({ type: "azure", slug: "az", baseUrl: fake.url, credentials: { apiKey: "sk-provider" } })).toEqual([
      "gpt-4o-mini", "gpt-4.1", "text-embedding-3-small",
    ]);
  });
});
