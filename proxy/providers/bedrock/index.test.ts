import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sigV4Problem, startFakeBedrock } from "../../../test/fakes/bedrock-upstream";
import type { FakeServer } from "../../../test/fakes/fake-server";
import type { ProviderConfig, UpstreamRequestInput } from "../types";
import { bedrockAdapter, bedrockErrorBody, decodeEventStreamMessage } from "./index";
import { authenticateBedrockRequest } from "./sign-request";

const CLAUDE = "anthropic.claude-3-5-haiku-20241022-v1:0";
const keys = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const sigV4Provider: ProviderConfig = { type: "bedrock", slug: "bedrock", credentials: { ...keys, region: "eu-west-1" } };

function input(overrides: Partial<UpstreamRequestInput> = {}): UpstreamRequestInput {
  return {
    method: "POST",
    path: `model/${encodeURIComponent(CLAUDE)}/converse`,
    search: "",
    headers: new Headers({ "content-type": "application/json", accept: "application/json" }),
    body: new TextEncoder().encode(JSON.stringify({ messages: [{ role: "user", content: [{ text: "Hi" }] }] })),
    provider: sigV4Provider,
    ...overrides,
  };
}

describe("bedrockAdapter.requestInfo", () => {
  const cases: Array<[string, unknown, object]> = [
    [`model/${encodeURIComponent(CLAUDE)}/converse`, { inferenceConfig: { maxTokens: 512 } }, { operation: "chat", model: CLAUDE, stream: false, maxOutputTokens: 512 }],
    [`model/${CLAUDE}/converse-stream`, {}, { operation: "chat", model: CLAUDE, stream: true }],
    [`model/${encodeURIComponent(CLAUDE)}/invoke`, { anthropic_version: "bedrock-2023-05-31", max_tokens: 300 }, { operation: "chat", stream: false, maxOutputTokens: 300 }],
    [`model/${encodeURIComponent(CLAUDE)}/invoke-with-response-stream`, { max_tokens: 50 }, { operation: "chat", stream: true, maxOutputTokens: 50 }],
    ["model/amazon.titan-embed-text-v2%3A0/invoke", { inputText: "hi" }, { operation: "embeddings", model: "amazon.titan-embed-text-v2:0" }],
    ["model/amazon.nova-lite-v1%3A0/invoke", { inferenceConfig: { max_new_tokens: 77 } }, { operation: "chat", maxOutputTokens: 77 }],
    ["model/meta.llama3-8b-instruct-v1%3A0/invoke", { max_gen_len: 64 }, { maxOutputTokens: 64 }],
    [
      "model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse",
      {},
      { model: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0" },
    ],
    [`model/${encodeURIComponent(CLAUDE)}/count-tokens`, {}, { operation: "count_tokens", stream: false }],
    ["guardrail/abc/version/1/apply", {}, { operation: "other", stream: false }],
  ];
  for (const [path, json, expected] of cases) {
    it(`reads ${path}`, () => {
      expect(bedrockAdapter.requestInfo(path, "", json)).toMatchObject(expected);
    });
  }
});

describe("bedrockAdapter.buildUpstreamRequest", () => {
  it("targets the region's runtime host with the model id encoded once, however the client sent it", async () => {
    const expected = `https://bedrock-runtime.eu-west-1.amazonaws.com/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse`;
    for (const path of [`model/${encodeURIComponent(CLAUDE)}/converse`, `model/${CLAUDE}/converse`, `/model/${CLAUDE}/converse`]) {
      expect((await bedrockAdapter.buildUpstreamRequest(input({ path }))).url).toBe(expected);
    }
    const defaultRegion = { ...sigV4Provider, credentials: keys };
    expect((await bedrockAdapter.buildUpstreamRequest(input({ provider: defaultRegion }))).url).toMatch(
      /^https:\/\/bedrock-runtime\.us-east-1\.amazonaws\.com\//,
    );
    const arnPath = `model/${encodeURIComponent("arn:aws:bedrock:us-east-1:123:inference-profile/us.x")}/converse`;
    expect((await bedrockAdapter.buildUpstreamRequest(input({ path: arnPath }))).url).toBe(
      "https://bedrock-runtime.eu-west-1.amazonaws.com/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123%3Ainference-profile%2Fus.x/converse",
    );
  });

  it("signs with SigV4 scoped to the region and the bedrock service", async () => {
    const request = await bedrockAdapter.buildUpstreamRequest(input());
    const authorization = request.headers.get("authorization")!;
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/bedrock\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers.get("x-amz-date")).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request.headers.get("content-type")).toBe("application/json");
  });

  it("produces a signature an independent SigV4 implementation accepts", async () => {
    const url = new URL("https://bedrock-runtime.eu-west-1.amazonaws.com/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
    const headers = await authenticateBedrockRequest({
      method: "POST",
      url: url.href,
      headers: new Headers(),
      body: new TextEncoder().encode("{}"),
      credentials: { ...keys, region: "eu-west-1" },
      datetime: "20260101T000000Z",
    });
    const recorded = {
      method: "POST",
      path: url.pathname,
      search: "",
      headers: { host: url.host, "x-amz-date": headers.get("x-amz-date")!, authorization: headers.get("authorization")! },
      body: "{}",
      json: {},
      clientDisconnected: false,
    };
    // The fake's verifier is written from AWS's documented algorithm, and AWS SDK signatures pass it.
    expect(sigV4Problem(recorded, { ...keys, region: "eu-west-1" })).toBeNull();
    expect(sigV4Problem({ ...recorded, body: "{ }" }, keys)).toMatch(/signature we calculated does not match/);
    // Pinned so that any change in how requests are signed shows up here.
    expect(headers.get("authorization")).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/eu-west-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, " +
        "Signature=f4aab89c690be79ce8035b48c68e7932579f83b5270dfa1986614e908a46eb0d",
    );
  });

  it("signs the session token and drops the client's own signing headers", async () => {
    const headers = new Headers({
      "content-type": "application/json",
      authorization: "AWS4-HMAC-SHA256 Credential=CLIENT/...",
      "x-amz-date": "19990101T000000Z",
      "x-amz-security-token": "client-token",
      "x-amzn-bedrock-trace": "ENABLED",
      host: "gateway.local",
    });
    const provider = { ...sigV4Provider, credentials: { ...sigV4Provider.credentials, sessionToken: "provider-session" } };
    const request = await bedrockAdapter.buildUpstreamRequest(input({ headers, provider }));
    expect(request.headers.get("authorization")).toContain("SignedHeaders=host;x-amz-date;x-amz-security-token;x-amzn-bedrock-trace,");
    expect(request.headers.get("x-amz-security-token")).toBe("provider-session");
    expect(request.headers.get("x-amz-date")).not.toBe("19990101T000000Z");
    expect(request.headers.has("host")).toBe(false);
  });

  it("uses a Bedrock API key as a bearer token instead of signing", async () => {
    const provider: ProviderConfig = { type: "bedrock", slug: "bedrock", credentials: { apiKey: "ABSKbedrock-key", region: "us-west-2" } };
    const request = await bedrockAdapter.buildUpstreamRequest(input({ provider, headers: new Headers({ authorization: "Bearer client" }) }));
    expect(request.headers.get("authorization")).toBe("Bearer ABSKbedrock-key");
    expect(request.headers.has("x-amz-date")).toBe(false);
    expect(request.url).toMatch(/^https:\/\/bedrock-runtime\.us-west-2\.amazonaws\.com\//);
  });
});

describe("bedrockAdapter against the fake Bedrock", () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeBedrock({ ...keys, region: "eu-west-1", apiKey: "ABSK-good" });
  });
  afterAll(() => fake.close());

  const send = async (overrides: Partial<UpstreamRequestInput>) => {
    const request = await bedrockAdapter.buildUpstreamRequest(input(overrides));
    return fetch(request.url, { method: "POST", headers: request.headers, body: request.body as BodyInit | null });
  };

  it("passes signature verification, and the observer reads the real stream", async () => {
    fake.setBehaviour({ usage: { inputTokens: 40, outputTokens: 12, cacheReadTokens: 8 }, replyText: "Canberra, not Sydney." });
    const provider = { ...sigV4Provider, baseUrl: fake.url };
    const json = await send({ provider });
    expect(json.status).toBe(200);
    expect(bedrockAdapter.usageFromJson(await json.json())).toMatchObject({ inputTokens: 48, outputTokens: 12, cacheReadTokens: 8 });

    for (const action of ["converse-stream", "invoke-with-response-stream"]) {
      const response = await send({ provider, path: `model/${CLAUDE}/${action}` });
      const contentType = response.headers.get("content-type") ?? "";
      expect(bedrockAdapter.isStreamingResponse(bedrockAdapter.requestInfo(`model/${CLAUDE}/${action}`, "", {}), contentType)).toBe(true);
      const observer = bedrockAdapter.createStreamObserver({ injectedUsage: false, contentType });
      const reader = response.body!.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) observer.transform(next.value);
      expect(observer.usage()).toMatchObject({ inputTokens: 48, outputTokens: 12, cacheReadTokens: 8 });
      expect(observer.outputText()).toBe("Canberra, not Sydney.");
    }
  });

  it("is refused with a wrong secret or a wrong API key", async () => {
    fake.setBehaviour({});
    const wrongSecret = { ...sigV4Provider, baseUrl: fake.url, credentials: { ...sigV4Provider.credentials, secretAccessKey: "nope" } };
    const refused = await send({ provider: wrongSecret });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-amzn-errortype")).toMatch(/^InvalidSignatureException:/);
    const wrongKey = { type: "bedrock", slug: "b", baseUrl: fake.url, credentials: { apiKey: "ABSK-bad" } };
    expect((await send({ provider: wrongKey })).status).toBe(403);
    const goodKey = { ...wrongKey, credentials: { apiKey: "ABSK-good" } };
    expect((await send({ provider: goodKey })).status).toBe(200);
  });
});

describe("Bedrock errors", () => {
  it("writes the stream error as an exception message the SDK maps to InternalServerException", () => {
    const message = decodeEventStreamMessage(bedrockAdapter.streamErrorEvent("upstream connection lost"))!;
    expect(message.headers).toEqual({
      ":message-type": "exception",
      ":exception-type": "internalServerException",
      ":content-type": "application/json",
    });
    expect(JSON.parse(new TextDecoder().decode(message.payload))).toEqual({ message: "upstream connection lost" });
  });

  it("names the exception type for each status", () => {
    const typeOf = (status: number) => bedrockErrorBody(status, "x").headers["x-amzn-errortype"]!.split(":")[0];
    expect([400, 401, 403, 404, 413, 429, 500, 502, 503].map(typeOf)).toEqual([
      "ValidationException",
      "AccessDeniedException",
      "AccessDeniedException",
      "ResourceNotFoundException",
      "ValidationException",
      "ThrottlingException",
      "InternalServerException",
      "InternalServerException",
      "ServiceUnavailableException",
    ]);
    expect(bedrockErrorBody(429, "slow down")).toEqual({
      body: { message: "slow down" },
      headers: {
        "content-type": "application/json",
        "x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/",
      },
    });
  });

  it("cannot list models", async () => {
    expect(await bedrockAdapter.listModels!(sigV4Provider)).toBeNull();
  });
});
