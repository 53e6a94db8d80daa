// Read a request body with a hard size cap, refusing early when the declared
// length is already too large.
import type { Readable } from "node:stream";
import { GatewayError } from "./errors";

/** A Web Request's body (the Next route handler's path). */
export async function readWebBody(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body || request.method === "GET" || request.method === "HEAD") return null;
  assertDeclaredLength(request.headers.get("content-length"), maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes); // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return joined(chunks, total);
}

/**
 * A node:http request's body. Past the limit it stops collecting but keeps the
 * stream flowing (discarding the rest), so the client reads a 413 instead of
 * a connection reset halfway through its upload.
 */
export function readNodeBody(incoming: Readable & { method?: string; headers: Record<string, unknown> }, maxBytes: number): Promise<Uint8Array | null> {
  if (incoming.method === "GET" || incoming.method === "HEAD") return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) return refuse();
      chunks.push(chunk);
    };
    const refuse = () => {
      incoming.removeListener("data", onData);
      incoming.resume();
      reject(tooLarge(maxBytes));
    };
    const declared = Number(incoming.headers["content-length"] ?? "NaN");
    if (Number.isFinite(declared) && declared > maxBytes) return refuse();
    incoming.on("data", onData);
    incoming.once("end", () => total <= maxBytes && resolve(joined(chunks, total)));
    // The connection closed before the body ended (the client left, or the request timeout
    // answered 408 and closed it): a client fault, not the gateway's. Settled already if it ended.
    const cutShort = () => reject(new GatewayError(400, "invalid_request", "The connection closed before the request body ended"));
    incoming.once("error", cutShort);
    incoming.once("close", cutShort);
  });
}

function assertDeclaredLength(declaredLength: string | null, maxBytes: number): void {
  const declared = Number(declaredLength ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

function joined(chunks: Uint8Array[], total: number): Uint8Array | null {
  if (chunks.length === 0) return null;
  if (chunks.length === 1) return chunks[0];
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number): GatewayError {
  return new GatewayError(413, "request_too_large", `Request body is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MiB`);
}

/**
 * Deeper than any real API body (tool schemas nest a few dozen levels at most);
 * a 10,000-deep array would overflow the stack when re-serialised for the upstream.
 */
export const MAX_JSON_DEPTH = 128;

/** JSON is UTF-8 (RFC 8259): invalid bytes are refused, not silently replaced. */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/** True when nesting goes past `limit`: one pass over the bytes, no allocation. */
export function nestsDeeperThan(body: Uint8Array, limit: number): boolean {
  if (body.byteLength <= limit) return false; // each level needs a byte
  let depth = 0;
  let inString = false;
  for (let index = 0; index < body.byteLength; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) depth--;
  }
  return false;
}

/** Parse a JSON body; null for an empty or non-JSON body. Throws invalid_request for malformed JSON. */
export function parseJsonBody(body: Uint8Array | null, contentType: string | null): unknown {
  if (!body || body.byteLength === 0) return null;
  const looksJson = (contentType ?? "").includes("json") || body[0] === 0x7b || body[0] === 0x5b;
  if (!looksJson) return null;
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw new GatewayError(400, "invalid_request", "Malformed JSON body: it is not valid UTF-8");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GatewayError(400, "invalid_request", `Malformed JSON body: ${(error as Error).message}`);
  }
  if (typeof json === "object" && json !== null && nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new GatewayError(400, "invalid_request", `JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return json;
}
