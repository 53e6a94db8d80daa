// Bridges node:http to the engine's (Request) => Response, without Next in the
// way. A client that disconnects aborts the Request's signal and cancels the
// response stream, which aborts the upstream call.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

export function toWebRequest(incoming: IncomingMessage, outgoing: ServerResponse, origin: string): Request {
  const abort = new AbortController();
  outgoing.on("close", () => {
    if (!outgoing.writableFinished) abort.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    signal: abort.signal,
    // @ts-expect-error Node's fetch needs duplex for streamed request bodies
    duplex: "half",
  });
}

export async function sendWebResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.statusCode = response.status;
  for (const [name, value] of response.headers) outgoing.setHeader(name, value);
  if (!response.body) {
    outgoing.end();
    return;
  }
  outgoing.flushHeaders();
  const reader = response.body.getReader();
  const clientGone = new Promise<"gone">((resolve) => outgoing.once("close", () => resolve("gone")));
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), clientGone]);
      if (next === "gone") {
        await reader.cancel().catch(() => {});
        return;
      }
      if (next.done) break;
      // Respect backpressure: wait for the socket to drain before reading more.
      if (!outgoing.write(next.value)) {
        const drained = await Promise.race([new Promise<"drain">((resolve) => outgoing.once("drain", () => resolve("drain"))), clientGone]);
        if (drained === "gone") {
          await reader.cancel().catch(() => {});
          return;
        }
      }
    }
    outgoing.end();
  } catch {
    outgoing.destroy();
  }
}
