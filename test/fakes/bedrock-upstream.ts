// A fake Amazon Bedrock runtime speaking the real wire format, for integration tests:
// POST model/{modelId}/converse, converse-stream (a real AWS event stream:
// messageStart, contentBlockDelta…, contentBlockStop, messageStop, metadata),
// invoke (an Anthropic Message, as Claude on Bedrock answers) and
// invoke-with-response-stream (`chunk` events wrapping Anthropic stream events, the
// last one carrying amazon-bedrock-invocationMetrics).
//
// Authentication: `Authorization: Bearer <apiKey>` (compared when `apiKey` is set) or a
// SigV4 signature, verified against `secretAccessKey` (and scoped to `region`) when
// given. Errors carry Bedrock's body and x-amzn-errortype header, so AWS SDKs raise
// their usual exception classes.
//
// Usage mapping (Bedrock's own fields): inputTokens → usage.inputTokens / input_tokens
// (the uncached part), cacheReadTokens → cacheReadInputTokens, cacheWriteTokens →
// cacheWriteInputTokens, outputTokens → outputTokens.
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { bedrockErrorBody } from "../../proxy/providers/bedrock/bedrock-error";
import { encodeJsonEvent } from "../../proxy/providers/bedrock/event-stream";
import {
  startFakeServer,
  wordChunks,
  type FakeBehaviour,
  type FakeExchange,
  type FakeServer,
  type FakeUsage,
  type RecordedRequest,
} from "./fake-server";

export type { FakeBehaviour, FakeServer, RecordedRequest } from "./fake-server";

export interface FakeBedrockOptions {
  behaviour?: FakeBehaviour;
  /** Bearer requests must carry this Bedrock API key. */
  apiKey?: string;
  /** SigV4 requests must be signed with this key pair… */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** …and scoped to this region. */
  region?: string;
}

/** Bedrock's error body for a status: the gateway's own helper, so both stay the same. */
export function fakeBedrockErrorBody(status: number, message?: string) {
  return bedrockErrorBody(status, message ?? (status === 429 ? "Too many requests, please wait before trying again." : `fake error ${status}`));
}

// ---------------------------------------------------------------- SigV4 check

const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256Hex = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/**
 * Recomputes the SigV4 signature independently of any signing library (AWS's
 * documented algorithm; non-S3 services escape the already-encoded path once more).
 * Returns the reason a request fails, or null when the signature matches.
 */
export function sigV4Problem(request: RecordedRequest, options: FakeBedrockOptions): string | null {
  const authorization = request.headers.authorization ?? "";
  const parsed = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!parsed) return "Authorization header is not a SigV4 signature";
  const [, accessKeyId, date, region, service, signedHeaders, signature] = parsed as unknown as string[];
  if (options.accessKeyId && accessKeyId !== options.accessKeyId) return "UnrecognizedClient";
  if (service !== "bedrock") return `Credential should be scoped to correct service: 'bedrock'`;
  if (options.region && region !== options.region) return `Credential should be scoped to a valid region, not '${region}'`;
  const amzDate = request.headers["x-amz-date"] ?? "";
  if (!amzDate.startsWith(date!)) return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date";
  if (!options.secretAccessKey) return null;

  const canonicalPath = rfc3986(request.path).replace(/%2F/g, "/");
  const canonicalQuery = [...new URLSearchParams(request.search)]
    .map(([key, value]) => [rfc3986(key), rfc3986(value)])
    .sort(([keyA, valueA], [keyB, valueB]) => (keyA! < keyB! ? -1 : keyA! > keyB! ? 1 : valueA! < valueB! ? -1 : 1))
    .map((pair) => pair.join("="))
    .join("&");
  const headerNames = signedHeaders!.split(";");
  const canonicalHeaders = headerNames
    .map((name) => `${name}:${(request.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const payloadHash = request.headers["x-amz-content-sha256"] ?? sha256Hex(request.body);
  const canonicalRequest = [request.method, canonicalPath, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${options.secretAccessKey}`, date!), region!), service!), "aws4_request");
  const expected = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
  return expected === signature ? null : "The request signature we calculated does not match the signature you provided.";
}

function authenticationProblem(request: RecordedRequest, options: FakeBedrockOptions): { status: number; type: string; message: string } | null {
  const authorization = request.headers.authorization ?? "";
  if (authorization.startsWith("Bearer ")) {
    if (options.apiKey !== undefined && authorization !== `Bearer ${options.apiKey}`) {
      return { status: 403, type: "AccessDeniedException", message: "Invalid API Key format: Must start with pre-defined prefix" };
    }
    return null;
  }
  if (!authorization) return { status: 403, type: "MissingAuthenticationTokenException", message: "Missing Authentication Token" };
  const problem = sigV4Problem(request, options);
  if (problem === "UnrecognizedClient") {
    return { status: 403, type: "UnrecognizedClientException", message: "The security token included in the request is invalid." };
  }
  return problem ? { status: 403, type: "InvalidSignatureException", message: problem } : null;
}

// ---------------------------------------------------------------- Bedrock answers

const padding = () => randomBytes(6).toString("base64url"); // Bedrock pads events with a "p" field
const requestIdHeader = () => ({ "x-amzn-requestid": randomUUID() });

function converseUsage(usage: FakeUsage) {
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    totalTokens: usage.inputTokens + usage.outputTokens + usage.cacheReadTokens + usage.cacheWriteTokens,
    ...(usage.cacheReadTokens || usage.cacheWriteTokens
      ? { cacheReadInputTokens: usage.cacheReadTokens, cacheWriteInputTokens: usage.cacheWriteTokens }
      : {}),
  };
}

function anthropicUsage(usage: FakeUsage, outputTokens: number) {
  return {
    input_tokens: usage.inputTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens,
    cache_read_input_tokens: usage.cacheReadTokens,
    output_tokens: outputTokens,
  };
}

/**
 * The fake server's sendStream writes each event with response.write, which takes bytes
 * as well as text; its signature only says string, hence the cast.
 */
function sendEventStream(exchange: FakeExchange, events: Uint8Array[]): Promise<void> {
  return exchange.sendStream(events.map((event) => Buffer.from(event)) as unknown as string[], {
    "content-type": "application/vnd.amazon.eventstream",
    ...requestIdHeader(),
  });
}

function converse(exchange: FakeExchange): Promise<void> {
  return exchange.sendJson(
    200,
    {
      output: { message: { role: "assistant", content: [{ text: exchange.replyText }] } },
      stopReason: "end_turn",
      usage: converseUsage(exchange.usage),
      metrics: { latencyMs: 42 },
    },
    requestIdHeader(),
  );
}

function converseStream(exchange: FakeExchange): Promise<void> {
  const events = [
    encodeJsonEvent("messageStart", { p: padding(), role: "assistant" }),
    ...wordChunks(exchange.replyText).map((text) =>
      encodeJsonEvent("contentBlockDelta", { contentBlockIndex: 0, delta: { text }, p: padding() }),
    ),
    encodeJsonEvent("contentBlockStop", { contentBlockIndex: 0, p: padding() }),
    encodeJsonEvent("messageStop", { p: padding(), stopReason: "end_turn" }),
    encodeJsonEvent("metadata", { metrics: { latencyMs: 42 }, p: padding(), usage: converseUsage(exchange.usage) }),
  ];
  return sendEventStream(exchange, events);
}

function invoke(exchange: FakeExchange, modelId: string): Promise<void> {
  const { usage } = exchange;
  return exchange.sendJson(
    200,
    {
      id: `msg_bdrk_${randomBytes(12).toString("hex")}`,
      type: "message",
      role: "assistant",
      model: exchange.behaviour.responseModel ?? modelId.replace(/^(us|eu|apac|global)\./, "").replace(/-v\d+:\d+$/, ""),
      content: [{ type: "text", text: exchange.replyText }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: anthropicUsage(usage, usage.outputTokens),
    },
    {
      ...requestIdHeader(),
      "x-amzn-bedrock-input-token-count": String(usage.inputTokens),
      "x-amzn-bedrock-output-token-count": String(usage.outputTokens),
      "x-amzn-bedrock-invocation-latency": "42",
    },
  );
}

function invokeStream(exchange: FakeExchange, modelId: string): Promise<void> {
  const { usage } = exchange;
  const model = exchange.behaviour.responseModel ?? modelId;
  const chunk = (event: unknown) =>
    encodeJsonEvent("chunk", { bytes: Buffer.from(JSON.stringify(event)).toString("base64"), p: padding() });
  const events = [
    chunk({
      type: "message_start",
      message: {
        id: `msg_bdrk_${randomBytes(12).toString("hex")}`, type: "message", role: "assistant", model,
        content: [], stop_reason: null, stop_sequence: null, usage: anthropicUsage(usage, 1),
      },
    }),
    chunk({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
    ...wordChunks(exchange.replyText).map((text) => chunk({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } })),
    chunk({ type: "content_block_stop", index: 0 }),
    chunk({ type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: usage.outputTokens } }),
    chunk({
      type: "message_stop",
      "amazon-bedrock-invocationMetrics": {
        inputTokenCount: usage.inputTokens,
        outputTokenCount: usage.outputTokens,
        invocationLatency: 420,
        firstByteLatency: 120,
        ...(usage.cacheReadTokens ? { cacheReadInputTokenCount: usage.cacheReadTokens } : {}),
        ...(usage.cacheWriteTokens ? { cacheWriteInputTokenCount: usage.cacheWriteTokens } : {}),
      },
    }),
  ];
  return sendEventStream(exchange, events);
}

/** Adds the x-amzn-errortype header to error behaviours (the shared server sends only the body). */
function withErrorType(behaviour: FakeBehaviour): FakeBehaviour {
  if (behaviour.status === undefined) return behaviour;
  return { ...behaviour, headers: { ...fakeBedrockErrorBody(behaviour.status).headers, ...behaviour.headers } };
}

export async function startFakeBedrock(options: FakeBedrockOptions = {}): Promise<FakeServer> {
  const server = await startFakeServer(
    {
      basePath: "",
      hasValidKey: () => true, // checked in handle, with Bedrock's own 403 answers
      errorBody: (status, message) => fakeBedrockErrorBody(status, message).body,
      handle(exchange) {
        const { method, path } = exchange.request;
        const problem = authenticationProblem(exchange.request, options);
        if (problem) {
          return exchange.sendJson(problem.status, { message: problem.message }, {
            "x-amzn-errortype": `${problem.type}:http://internal.amazon.com/coral/com.amazon.coral.service/`,
          });
        }
        const match = /^\/model\/(.+)\/([a-z-]+)$/.exec(path);
        if (method === "POST" && match) {
          const modelId = decodeURIComponent(match[1]!);
          if (match[2] === "converse") return converse(exchange);
          if (match[2] === "converse-stream") return converseStream(exchange);
          if (match[2] === "invoke") return invoke(exchange, modelId);
          if (match[2] === "invoke-with-response-stream") return invokeStream(exchange, modelId);
        }
        const notFound = fakeBedrockErrorBody(404, `Unknown operation: ${method} ${path}`);
        return exchange.sendJson(404, notFound.body, notFound.headers);
      },
    },
    { behaviour: withErrorType(options.behaviour ?? {}) },
  );
  return {
    ...server,
    setBehaviour(behaviour) {
      server.setBehaviour(withErrorType(behaviour));
    },
  };
}
