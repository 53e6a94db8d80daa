// One upstream attempt over a shared keep-alive connection pool. Connect and
// first-byte (response headers) timeouts are what routing groups fail over on;
// once headers arrive the body may take as long as it takes.
//
// undici's dispatcher API rather than fetch: fetch builds a Web Request and
// Response with web streams for every call, adds headers of its own
// (accept-language, sec-fetch-mode) and rewrites accept-encoding; request()
// sends the headers it is given and hands back a Node stream.
import { EventEmitter } from "node:events";
import type { Readable } from "node:stream";
import { Agent } from "undici";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { env } from "@/lib/env";
import { HeaderBag } from "./exchange";
import type { UpstreamRequest } from "./providers/types";

export interface UpstreamReply {
  status: number;
  headers: HeaderBag;
  /** The body, already decoded when the upstream compressed it. */
  body: Readable;
}

export type AttemptOutcome =
  | { kind: "response"; response: UpstreamReply }
  | { kind: "failure"; reason: "connection" | "timeout" | "aborted"; message: string };

/**
 * Cancels one upstream call. undici accepts any emitter with an `aborted`
 * flag; a real AbortController costs several microseconds to create on Node 20.
 */
export class UpstreamAbort extends EventEmitter {
  aborted = false;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit("abort");
  }
}

let agent: Agent | undefined;

function sharedAgent(): Agent {
  const config = env();
  agent ??= new Agent({
    connect: { timeout: config.GATEWAY_CONNECT_TIMEOUT_MS },
    headersTimeout: config.GATEWAY_FIRST_BYTE_TIMEOUT_MS,
    bodyTimeout: 0,
    keepAliveTimeout: 30_000,
    connections: 256,
  });
  return agent;
}

/** Content codings the gateway can read (it must read usage out of every answer). */
const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

export function canDecode(coding: string): boolean {
  return coding === "identity" || coding in DECODERS;
}

export async function sendUpstream(upstream: UpstreamRequest, method: string, signal: UpstreamAbort): Promise<AttemptOutcome> {
  const url = new URL(upstream.url);
  const headers: string[] = [];
  for (const [name, value] of upstream.headers) headers.push(name, value);
  try {
    const answer = await sharedAgent().request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: method as "POST",
      headers,
      body: upstream.body && method !== "GET" && method !== "HEAD" ? upstream.body : undefined,
      signal,
    });
    const responseHeaders = new HeaderBag(answer.headers);
    return { kind: "response", response: { status: answer.statusCode, headers: responseHeaders, body: decoded(answer.body, responseHeaders) } };
  } catch (error) {
    if (signal.aborted) return { kind: "failure", reason: "aborted", message: "The client went away" };
    const code = (error as { code?: string }).code ?? "";
    const timedOut = code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT";
    return {
      kind: "failure",
      reason: timedOut ? "timeout" : "connection",
      message: `${timedOut ? "Timed out" : "Could not connect"}: ${(error as Error).message}`,
    };
  }
}

/** Drops an answer the client will not get (failover, client gone) without an unhandled stream error. */
export function discardBody(body: Readable): void {
  body.on("error", () => {});
  body.destroy();
}

function decoded(body: Readable, headers: HeaderBag): Readable {
  const coding = headers.get("content-encoding")?.trim().toLowerCase();
  const decoder = coding ? DECODERS[coding] : undefined;
  if (!decoder) return body;
  const stream = decoder() as unknown as Readable;
  body.on("error", (error) => stream.destroy(error));
  stream.on("close", () => body.destroy());
  return body.pipe(stream as unknown as NodeJS.WritableStream) as unknown as Readable;
}
