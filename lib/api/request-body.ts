// Management API bodies are small JSON documents: read them with a cap, before
// buffering, so an unauthenticated 40 MiB upload is refused at its first chunk
// (or at once, from Content-Length) instead of being read whole.
import { ApiError } from "./errors";

/** Far above any management body (a provider with hundreds of prices is a few KiB). */
export const MAX_API_BODY_BYTES = 1024 * 1024;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function tooLarge(): ApiError {
  return new ApiError("request_too_large", `The request body is larger than ${MAX_API_BODY_BYTES / 1024} KiB`);
}

/** The body as text (at most MAX_API_BODY_BYTES of UTF-8); "" when there is none. */
export async function readCappedText(request: Request, maxBytes = MAX_API_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(); // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  try {
    return strictUtf8.decode(Buffer.concat(chunks, total));
  } catch {
    throw new ApiError("invalid_body", "The request body is not valid UTF-8");
  }
}

/** The body parsed as JSON ({} when empty); `hint` says what was expected. */
export async function readCappedJson(request: Request, hint = "The request body is not valid JSON"): Promise<unknown> {
  const text = await readCappedText(request);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_body", hint);
  }
}
