// Read a request body with a hard size cap, refusing early when the declared
// length is already too large.
import { GatewayError } from "./errors";

export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body || request.method === "GET" || request.method === "HEAD") return null;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(maxBytes: number): GatewayError {
  return new GatewayError(413, "request_too_large", `Request body is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MiB`);
}

/** Parse a JSON body; null for an empty or non-JSON body. Throws invalid_request for malformed JSON. */
export function parseJsonBody(body: Uint8Array | null, contentType: string | null): unknown {
  if (!body || body.byteLength === 0) return null;
  const looksJson = (contentType ?? "").includes("json") || body[0] === 0x7b || body[0] === 0x5b;
  if (!looksJson) return null;
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    throw new GatewayError(400, "invalid_request", `Malformed JSON body: ${(error as Error).message}`);
  }
}
