// The shared machinery of the fake upstreams: a node:http server on 127.0.0.1
// that records every request and applies the configured failure behaviours
// (error status, dropped connection, slow first byte, slow or dying streams)
// before the provider-specific handler answers in its real wire format.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. "/v1/chat/completions". */
  path: string;
  /** Query string including "?", or "". */
  search: string;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The request body as text ("" when none). */
  body: string;
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown;
  /** Set to true if the client went away before the answer was complete. */
  clientDisconnected: boolean;
}

/** Token counts the fake reports. Each field maps onto the provider's own usage field (see each fake). */
export interface FakeUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export const DEFAULT_FAKE_USAGE: FakeUsage = { inputTokens: 10, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 };
export const DEFAULT_REPLY_TEXT = "Hello from the fake upstream!";

export interface FakeBehaviour {
  /** Answer with this status and an error body in the provider's real error shape. */
  status?: number;
  /** Apply `status` to the next N requests only, then answer normally again (default: every request). */
  statusCount?: number;
  /** Message inside the error body. */
  errorMessage?: string;
  /** Replaces the whole default error body. */
  errorBody?: unknown;
  /** Destroy the connection without answering (a connection error for the client). */
  dropConnection?: boolean;
  /** Wait this long before the first byte of the answer (headers included). */
  delayMs?: number;
  /** Streams: destroy the connection after writing this many events. JSON: after half the body. */
  dieAfterChunks?: number;
  /** Streams: end the answer cleanly (no error, no reset) after this many events, as an upstream that cuts its stream short. */
  endAfterChunks?: number;
  /** JSON: answer with the status and headers of a success but a body that is not JSON. */
  invalidJson?: boolean;
  /** Pause between stream events. */
  chunkIntervalMs?: number;
  /** Fixed usage numbers (missing fields take DEFAULT_FAKE_USAGE's). */
  usage?: Partial<FakeUsage>;
  /** What the model says (split into word-sized stream chunks). */
  replyText?: string;
  /** Answer with this model name instead of echoing the requested one. */
  responseModel?: string;
  /** Model ids for the models listing. */
  models?: string[];
  /** Extra response headers. */
  headers?: Record<string, string>;
}

export interface FakeServerOptions {
  /** Requests must carry this key (in the provider's auth header), else 401. */
  apiKey?: string;
  behaviour?: FakeBehaviour;
  /** Listen on this port of 127.0.0.1 (default 0: any free port). */
  port?: number;
}

export interface FakeServer {
  /** The base URL to configure as the provider's baseUrl. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Replaces the current behaviour (`setBehaviour({})` restores normal answers). */
  setBehaviour(behaviour: FakeBehaviour): void;
  close(): Promise<void>;
}

/** What a provider handler gets for one request. */
export interface FakeExchange {
  request: RecordedRequest;
  behaviour: FakeBehaviour;
  usage: FakeUsage;
  replyText: string;
  /** The model to answer with: the configured one, else the requested one, else `fallback`. */
  answerModel(fallback: string): string;
  sendJson(status: number, body: unknown, headers?: Record<string, string>): Promise<void>;
  /** Writes SSE events (already formatted, each ending in a blank line), honouring interval and death. */
  sendStream(events: string[], headers?: Record<string, string>): Promise<void>;
}

export interface FakeProvider {
  /** Path appended to the origin to form `url` ("/v1" for OpenAI, "" for Anthropic). */
  basePath: string;
  hasValidKey(request: RecordedRequest, apiKey: string): boolean;
  errorBody(status: number, message: string | undefined): unknown;
  handle(exchange: FakeExchange): Promise<void>;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function recordRequest(request: IncomingMessage, body: string): RecordedRequest {
  const url = new URL(request.url ?? "/", "http://fake.local");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  let json: unknown = null;
  try {
    json = body === "" ? null : (JSON.parse(body) as unknown);
  } catch {
    json = null;
  }
  return { method: request.method ?? "GET", path: url.pathname, search: url.search, headers, body, json, clientDisconnected: false };
}

/** Splits text into word-sized pieces that keep their leading space, like real token deltas. */
export function wordChunks(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [text];
}

/** One SSE event; `event` is omitted for OpenAI chat streams, which send bare data lines. */
export function sseEvent(data: unknown, event?: string): string {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  return `${event ? `event: ${event}\n` : ""}data: ${payload}\n\n`;
}

export async function startFakeServer(provider: FakeProvider, options: FakeServerOptions = {}): Promise<FakeServer> {
  let behaviour: FakeBehaviour = options.behaviour ?? {};
  let statusesLeft = behaviour.statusCount;
  const requests: RecordedRequest[] = [];

  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const recorded = recordRequest(incoming, await readBody(incoming));
    requests.push(recorded);
    response.on("close", () => {
      if (!response.writableFinished) recorded.clientDisconnected = true;
    });
    const current = behaviour;
    let status = current.status;
    if (status !== undefined && statusesLeft !== undefined) {
      if (statusesLeft <= 0) status = undefined;
      else statusesLeft--;
    }

    if (current.delayMs) await sleep(current.delayMs);
    if (current.dropConnection) {
      incoming.socket.destroy();
      return;
    }
    const exchange = createExchange(recorded, current, response);
    if (options.apiKey !== undefined && !provider.hasValidKey(recorded, options.apiKey)) {
      return exchange.sendJson(401, provider.errorBody(401, "invalid x-api-key / API key"));
    }
    if (status !== undefined) {
      return exchange.sendJson(status, current.errorBody ?? provider.errorBody(status, current.errorMessage));
    }
    await provider.handle(exchange);
  };

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify(provider.errorBody(500, String(error))));
    });
  });
  await new Promise<void>((resolve, reject) => {
    // A fixed port may be taken: fail instead of waiting forever.
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin + provider.basePath,
    origin,
    port,
    requests,
    setBehaviour(next) {
      behaviour = next;
      statusesLeft = next.statusCount;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function createExchange(request: RecordedRequest, behaviour: FakeBehaviour, response: ServerResponse): FakeExchange {
  const extraHeaders = behaviour.headers ?? {};
  const requestedModel =
    typeof request.json === "object" && request.json !== null && typeof (request.json as { model?: unknown }).model === "string"
      ? ((request.json as { model: string }).model)
      : undefined;

  return {
    request,
    behaviour,
    usage: { ...DEFAULT_FAKE_USAGE, ...behaviour.usage },
    replyText: behaviour.replyText ?? DEFAULT_REPLY_TEXT,
    answerModel: (fallback) => behaviour.responseModel ?? requestedModel ?? fallback,

    async sendJson(status, body, headers = {}) {
      const text = behaviour.invalidJson && status < 400 ? '{"id": "cut", <html>502 Bad Gateway</html>' : JSON.stringify(body);
      response.writeHead(status, { "content-type": "application/json", ...headers, ...extraHeaders });
      if (behaviour.dieAfterChunks !== undefined) {
        response.write(text.slice(0, Math.floor(text.length / 2)));
        await sleep(10);
        response.socket?.destroy();
        return;
      }
      response.end(text);
    },

    async sendStream(events, headers = {}) {
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        ...headers,
        ...extraHeaders,
      });
      response.flushHeaders();
      for (const [index, event] of events.entries()) {
        if (index > 0 && behaviour.chunkIntervalMs) await sleep(behaviour.chunkIntervalMs);
        if (response.destroyed) return;
        if (behaviour.dieAfterChunks !== undefined && index >= behaviour.dieAfterChunks) {
          // Give the written events a moment to leave before the connection dies.
          await sleep(10);
          response.socket?.destroy();
          return;
        }
        if (behaviour.endAfterChunks !== undefined && index >= behaviour.endAfterChunks) break;
        response.write(event);
      }
      response.end();
    },
  };
}
