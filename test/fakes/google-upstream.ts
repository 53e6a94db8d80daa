// A fake Gemini API (and Vertex AI) speaking the real wire format, for integration tests:
//   v1beta|v1/models/{model}:generateContent, :streamGenerateContent (SSE with alt=sse,
//   a streamed JSON array without), :embedContent, :batchEmbedContents, :countTokens,
//   GET v1beta/models; the same methods on Vertex publisher paths
//   (v1/projects/{p}/locations/{l}/publishers/google/models/{model}:{method}) and
//   GET v1beta1/publishers/google/models; and an OAuth token endpoint, POST /token.
//
// Gemini paths need x-goog-api-key (or ?key=) when `apiKey` is set; Vertex paths need a
// bearer token this fake issued. The token endpoint also listens on its own port
// (`tokenUrl`, used by serviceAccountJson()) where failure behaviours do not apply, so
// a behaviour such as `status: 429` fails model calls rather than the token fetch.
//
// Usage mapping (Gemini's own fields): inputTokens → promptTokenCount (the whole prompt,
// cached part included), cacheReadTokens → cachedContentTokenCount, outputTokens →
// candidatesTokenCount. cacheWriteTokens has no Gemini field.
import { generateKeyPairSync, randomBytes, verify, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  startFakeServer,
  wordChunks,
  type FakeExchange,
  type FakeServer,
  type FakeServerOptions,
  type FakeUsage,
} from "./fake-server";

export type { FakeBehaviour, FakeServer, RecordedRequest } from "./fake-server";

const DEFAULT_MODELS = ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-embedding-001"];
export const FAKE_VERTEX_PROJECT = "fake-project";
const SERVICE_ACCOUNT_EMAIL = `gateway-test@${FAKE_VERTEX_PROJECT}.iam.gserviceaccount.com`;
const EMBEDDING_VALUES = [0.0132, -0.0087, -0.0468, 0.0007, 0.0251, -0.0193, 0.0315, -0.0042];

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ABORTED",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  501: "NOT_IMPLEMENTED",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

/** Google's error body for a status. */
export function googleErrorBody(status: number, message?: string): unknown {
  const name = STATUS_NAMES[status] ?? (status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION");
  const defaultMessage =
    status === 429 ? "Resource has been exhausted (e.g. check quota)." : `fake ${name.toLowerCase().replaceAll("_", " ")}`;
  return { error: { code: status, message: message ?? defaultMessage, status: name } };
}

export interface FakeGeminiServer extends FakeServer {
  /** The token endpoint on its own port (behaviours never apply there). */
  tokenUrl: string;
  /** Every POST to either token endpoint, in order. */
  tokenRequests: Array<{ body: string; ok: boolean }>;
  /** Lifetime of issued tokens in seconds (default 3600). */
  setTokenExpiresIn(seconds: number): void;
  /** A service-account key file (JSON text) whose token_uri is `tokenUrl` and whose key this fake verifies. */
  serviceAccountJson(): string;
}

let keyPair: { privateKeyPem: string; publicKey: KeyObject } | null = null;
function fakeKeyPair() {
  if (!keyPair) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    keyPair = { privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicKey };
  }
  return keyPair;
}

// ---------------------------------------------------------------- token endpoint

interface TokenIssuer {
  issued: Set<string>;
  requests: Array<{ body: string; ok: boolean }>;
  expiresIn: number;
  audiences: Set<string>;
}

function decodeJwtPart(part: string | undefined): Record<string, unknown> | null {
  try {
    return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Checks a JWT-bearer grant like Google does; returns the error description or null. */
function assertionProblem(form: URLSearchParams, audiences: Set<string>): string | null {
  if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return "Invalid grant_type";
  const parts = (form.get("assertion") ?? "").split(".");
  const header = decodeJwtPart(parts[0]);
  const claims = decodeJwtPart(parts[1]);
  if (parts.length !== 3 || !header || !claims) return "Invalid JWT";
  if (header.alg !== "RS256") return "Invalid JWT: alg must be RS256";
  if (typeof claims.scope !== "string" || !claims.scope.includes("https://www.googleapis.com/auth/cloud-platform")) {
    return "Invalid JWT: scope";
  }
  if (typeof claims.aud !== "string" || !audiences.has(claims.aud)) return "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe (aud)";
  const now = Date.now() / 1000;
  if (typeof claims.iat !== "number" || typeof claims.exp !== "number" || claims.exp < now || claims.iat > now + 300) {
    return "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe";
  }
  if (claims.iss === SERVICE_ACCOUNT_EMAIL && keyPair) {
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    if (!verify("sha256", signed, keyPair.publicKey, Buffer.from(parts[2]!, "base64url"))) return "Invalid JWT Signature.";
  }
  return null;
}

/** The token endpoint's answer to one POST. */
function tokenAnswer(issuer: TokenIssuer, body: string): { status: number; json: unknown } {
  const problem = assertionProblem(new URLSearchParams(body), issuer.audiences);
  issuer.requests.push({ body, ok: problem === null });
  if (problem) return { status: 400, json: { error: "invalid_grant", error_description: problem } };
  const token = `ya29.fake-${randomBytes(12).toString("hex")}`;
  issuer.issued.add(token);
  return { status: 200, json: { access_token: token, expires_in: issuer.expiresIn, token_type: "Bearer" } };
}

async function startTokenServer(issuer: TokenIssuer) {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method !== "POST" || !request.url?.startsWith("/token")) {
        response.writeHead(404).end();
        return;
      }
      const answer = tokenAnswer(issuer, Buffer.concat(chunks).toString("utf8"));
      response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/token`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------- Gemini answers

const responseId = () => randomBytes(12).toString("base64url");

function usageMetadata(usage: FakeUsage, final: boolean) {
  const prompt = { promptTokenCount: usage.inputTokens, promptTokensDetails: [{ modality: "TEXT", tokenCount: usage.inputTokens }] };
  if (!final) return { ...prompt, totalTokenCount: usage.inputTokens };
  return {
    ...prompt,
    candidatesTokenCount: usage.outputTokens,
    totalTokenCount: usage.inputTokens + usage.outputTokens,
    ...(usage.cacheReadTokens > 0
      ? { cachedContentTokenCount: usage.cacheReadTokens, cacheTokensDetails: [{ modality: "TEXT", tokenCount: usage.cacheReadTokens }] }
      : {}),
  };
}

function generateContentResponse(exchange: FakeExchange, model: string, vertex: boolean, text: string, final: boolean, id: string) {
  return {
    candidates: [
      {
        content: { parts: [{ text }], role: "model" },
        ...(final ? { finishReason: "STOP" } : {}),
        index: 0,
      },
    ],
    usageMetadata: { ...usageMetadata(exchange.usage, final), ...(vertex ? { trafficType: "ON_DEMAND" } : {}) },
    modelVersion: exchange.behaviour.responseModel ?? model,
    ...(vertex ? { createTime: new Date().toISOString() } : {}),
    responseId: id,
  };
}

function streamGenerateContent(exchange: FakeExchange, model: string, vertex: boolean): Promise<void> {
  const id = responseId();
  const words = wordChunks(exchange.replyText);
  // Gemini sends a few words per chunk.
  const pieces: string[] = [];
  for (let index = 0; index < words.length; index += 3) pieces.push(words.slice(index, index + 3).join(""));
  const chunks = pieces.map((piece, index) =>
    generateContentResponse(exchange, model, vertex, piece, index === pieces.length - 1, id),
  );
  if (new URLSearchParams(exchange.request.search).get("alt") === "sse") {
    return exchange.sendStream(chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\r\n\r\n`));
  }
  // Without alt=sse: one JSON array, written element by element.
  const elements = chunks.map((chunk, index) => `${index === 0 ? "[" : ",\r\n"}${JSON.stringify(chunk, null, 2)}`);
  elements.push("]");
  return exchange.sendStream(elements, { "content-type": "application/json; charset=UTF-8" });
}

function requestCount(json: unknown): number {
  const requests = typeof json === "object" && json !== null ? (json as { requests?: unknown }).requests : undefined;
  return Array.isArray(requests) ? requests.length : 1;
}

function callModel(exchange: FakeExchange, model: string, method: string, vertex: boolean): Promise<void> {
  switch (method) {
    case "generateContent":
      return exchange.sendJson(200, generateContentResponse(exchange, model, vertex, exchange.replyText, true, responseId()));
    case "streamGenerateContent":
      return streamGenerateContent(exchange, model, vertex);
    case "embedContent":
      return exchange.sendJson(200, { embedding: { values: EMBEDDING_VALUES } });
    case "batchEmbedContents":
      return exchange.sendJson(200, {
        embeddings: Array.from({ length: requestCount(exchange.request.json) }, () => ({ values: EMBEDDING_VALUES })),
      });
    case "countTokens":
      return exchange.sendJson(200, {
        totalTokens: exchange.usage.inputTokens,
        promptTokensDetails: [{ modality: "TEXT", tokenCount: exchange.usage.inputTokens }],
      });
    default:
      return exchange.sendJson(404, googleErrorBody(404, `Method ${method} not found for model ${model}`));
  }
}

function listGeminiModels(exchange: FakeExchange): Promise<void> {
  const names = exchange.behaviour.models ?? DEFAULT_MODELS;
  return exchange.sendJson(200, {
    models: names.map((name) => ({
      name: `models/${name}`,
      version: "001",
      displayName: name,
      supportedGenerationMethods: name.includes("embedding")
        ? ["embedContent", "countTextTokens", "countTokens"]
        : ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"],
    })),
  });
}

function listVertexModels(exchange: FakeExchange): Promise<void> {
  const names = exchange.behaviour.models ?? DEFAULT_MODELS;
  return exchange.sendJson(200, {
    publisherModels: names.map((name) => ({ name: `publishers/google/models/${name}`, versionId: "001" })),
  });
}

const geminiModelPath = /^\/(v1|v1beta)\/models\/([^/:]+):([A-Za-z]+)$/;
const vertexModelPath = /^\/(v1|v1beta1)\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/google\/models\/([^/:]+):([A-Za-z]+)$/;

function isVertexRequest(path: string): boolean {
  return path.startsWith("/v1beta1/publishers/") || vertexModelPath.test(path);
}

export async function startFakeGemini(options: FakeServerOptions = {}): Promise<FakeGeminiServer> {
  const issuer: TokenIssuer = { issued: new Set(), requests: [], expiresIn: 3600, audiences: new Set() };
  const tokenServer = await startTokenServer(issuer);
  issuer.audiences.add(tokenServer.url);

  const server = await startFakeServer(
    {
      basePath: "",
      hasValidKey(request, apiKey) {
        // Vertex paths and the token endpoint authenticate differently (see handle).
        if (request.path === "/token" || isVertexRequest(request.path)) return true;
        return request.headers["x-goog-api-key"] === apiKey || new URLSearchParams(request.search).get("key") === apiKey;
      },
      errorBody: googleErrorBody,
      async handle(exchange) {
        const { method, path, headers, body, search } = exchange.request;
        if (method === "POST" && path === "/token") {
          const answer = tokenAnswer(issuer, body);
          return exchange.sendJson(answer.status, answer.json);
        }
        if (isVertexRequest(path)) {
          const token = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
          if (!token || !issuer.issued.has(token)) {
            return exchange.sendJson(
              401,
              googleErrorBody(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential."),
            );
          }
          if (method === "GET") return listVertexModels(exchange);
          const [, , , , model, modelMethod] = vertexModelPath.exec(path)!;
          return callModel(exchange, model!, modelMethod!, true);
        }
        if (!headers["x-goog-api-key"] && !new URLSearchParams(search).get("key")) {
          return exchange.sendJson(403, googleErrorBody(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."));
        }
        if (method === "GET" && /^\/(v1|v1beta)\/models\/?$/.test(path)) return listGeminiModels(exchange);
        const match = geminiModelPath.exec(path);
        if (method === "POST" && match) return callModel(exchange, match[2]!, match[3]!, false);
        return exchange.sendJson(404, googleErrorBody(404, `Not found: ${method} ${path}`));
      },
    },
    options,
  );
  issuer.audiences.add(`${server.origin}/token`);

  return {
    ...server,
    tokenUrl: tokenServer.url,
    tokenRequests: issuer.requests,
    setTokenExpiresIn(seconds) {
      issuer.expiresIn = seconds;
    },
    serviceAccountJson() {
      return JSON.stringify({
        type: "service_account",
        project_id: FAKE_VERTEX_PROJECT,
        private_key_id: "fake-key-id",
        private_key: fakeKeyPair().privateKeyPem,
        client_email: SERVICE_ACCOUNT_EMAIL,
        client_id: "100000000000000000001",
        token_uri: tokenServer.url,
      });
    },
    async close() {
      await Promise.all([server.close(), tokenServer.close()]);
    },
  };
}
