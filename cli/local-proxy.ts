// `gateway serve`: a proxy on 127.0.0.1 that tools point at. It admits only
// callers holding its random local token (Bearer or x-api-key), swaps that
// token for the current gateway access token, forwards /proxy/* and streams
// the answer back as it arrives. The request body is held (it is small) so a
// 401 can be retried once with a refreshed token.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SessionEndedError, type AccessTokenSource } from "./access-token";
import { CliError } from "./errors";
import { fetchStatus } from "./gateway-client";

export const DEFAULT_PORT = 11465;
export const LOCAL_TOKEN_PREFIX = "gwl_";

// Credentials of any kind and hop-by-hop headers never travel on.
const DROPPED_REQUEST_HEADERS = new Set([
  "authorization", "x-api-key", "x-goog-api-key", "api-key", "proxy-authorization", "cookie",
  "host", "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "content-length", "accept-encoding",
]);
const DROPPED_RESPONSE_HEADERS = new Set(["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"]);

export interface LocalProxy {
  port: number;
  localToken: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  requests: number;
  close(): Promise<void>;
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

function presentedToken(request: IncomingMessage): string | null {
  const authorization = request.headers.authorization;
  const bearer = authorization ? /^bearer\s+(.+)$/i.exec(authorization.trim())?.[1] : undefined;
  const apiKey = request.headers["x-api-key"];
  return bearer ?? (typeof apiKey === "string" ? apiKey : null);
}

/** An error in the caller's wire format: Anthropic clients send x-api-key or anthropic-version. */
function sendError(request: IncomingMessage, response: ServerResponse, status: number, code: string, message: string): void {
  const anthropic = request.headers["anthropic-version"] !== undefined || request.headers["x-api-key"] !== undefined;
  const type = status === 401 ? "authentication_error" : "api_error";
  const body = anthropic ? { type: "error", error: { type, message } } : { error: { message, type, code } };
  response.writeHead(status, { "content-type": "application/json", "x-gateway-error-code": code });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<ArrayBuffer | undefined> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const joined = Buffer.concat(chunks);
  return joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
}

function forwardHeaders(request: IncomingMessage, accessToken: string): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || DROPPED_REQUEST_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  headers.set("authorization", `Bearer ${accessToken}`);
  headers.set("accept-encoding", "identity");
  return headers;
}

export async function startLocalProxy(source: AccessTokenSource, options: { port?: number; explicitPort?: boolean } = {}): Promise<LocalProxy> {
  const localToken = LOCAL_TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const startedAt = new Date();
  const state = { requests: 0 };

  async function forward(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const body = await readBody(request);
    // A Google SDK may put the local token in ?key=: it must not travel on either.
    url.searchParams.delete("key");
    const target = `${source.gatewayUrl}${url.pathname}${url.search}`;
    const abort = new AbortController();
    response.on("close", () => abort.abort());
    const send = async (token: string) =>
      fetch(target, { method: request.method, headers: forwardHeaders(request, token), body, signal: abort.signal, redirect: "manual" });
    let answer = await send(await source.current());
    if (answer.status === 401 && source.refreshable) {
      await answer.body?.cancel().catch(() => {});
      answer = await send(await source.refresh());
    }
    state.requests++;
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!DROPPED_RESPONSE_HEADERS.has(name)) headers[name] = value;
    });
    response.writeHead(answer.status, headers);
    response.flushHeaders();
    if (!answer.body) return void response.end();
    await pipeline(Readable.fromWeb(answer.body as import("node:stream/web").ReadableStream), response).catch(() => {});
  }

  async function status(response: ServerResponse): Promise<void> {
    const gateway = await fetchStatus(source.gatewayUrl, await source.current());
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        gatewayUrl: source.gatewayUrl,
        organization: gateway.organization,
        member: gateway.member,
        spend: gateway.spend,
        limits: gateway.limits,
        session: { startedAt: startedAt.toISOString(), requests: state.requests, accessTokenRefreshes: source.refreshes, accessTokenExpiresAt: source.accessTokenExpiresAt },
      }),
    );
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (!sameToken(presentedToken(request), localToken)) {
      return sendError(request, response, 401, "invalid_local_token", "Send the local token printed by `gateway serve` as Authorization: Bearer or x-api-key");
    }
    const work = url.pathname === "/_gateway/status" ? status(response) : url.pathname.startsWith("/proxy/") ? forward(request, response, url) : null;
    if (!work) return sendError(request, response, 404, "not_found", "The local gateway proxy serves /proxy/<route>/… and /_gateway/status");
    work.catch((error: Error) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof SessionEndedError) return sendError(request, response, 401, "session_ended", `${error.message}; run \`gateway login\``);
      const message = error instanceof CliError ? error.message : `The local proxy could not reach the gateway: ${error.message}`;
      sendError(request, response, 502, "gateway_unreachable", message);
    });
  });

  const port = await listen(server, options.port ?? DEFAULT_PORT, options.explicitPort ?? false);
  return {
    port,
    localToken,
    origin: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Listens on `port`; when it is taken, a port the system picks — unless the user asked for that port. */
function listen(server: Server, port: number, explicit: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE") return reject(error);
      if (explicit) return reject(new CliError(`Port ${port} on 127.0.0.1 is already in use; pick another with --port, or leave it out to use a free one`, 2));
      server.listen(0, "127.0.0.1");
    };
    server.on("error", onError);
    server.on("listening", () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
    server.listen(port, "127.0.0.1");
  });
}
