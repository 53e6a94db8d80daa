// Bridges node:http to the engine's (Request) => Response, without Next in the
// way. A client that disconnects aborts the Request's signal and cancels the
// response stream, which aborts the upstream call.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { Readable } from "node:stream";

type NodeIncoming = IncomingMessage | Http2ServerRequest;
type NodeOutgoing = ServerResponse | Http2ServerResponse;

/** The origin a request was addressed to (HTTP/2 carries it in :authority). */
export function requestOrigin(incoming: NodeIncoming): string {
  const host = incoming.headers.host ?? incoming.headers[":authority"] ?? "localhost";
  return `http://${Array.isArray(host) ? host[0] : host}`;
}

export function toWebRequest(incoming: NodeIncoming, outgoing: NodeOutgoing, origin = requestOrigin(incoming)): Request {
  const abort = new AbortController();
  outgoing.on("close", () => {
    if (!outgoing.writableFinished) abort.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    // HTTP/2 pseudo-headers (:method, :path…) are not headers a Request can carry.
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming as Readable) as ReadableStream<Uint8Array>) : undefined,
    signal: abort.signal,
    // @ts-expect-error Node's fetch needs duplex for streamed request bodies
    duplex: "half",
  });
}

export async function sendWebResponse(response: Response, outgoing: NodeOutgoing): Promise<void> {
  outgoing.statusCode = response.status;
  for (const [name, value] of response.headers) outgoing.setHeader(name, value);
  if (!response.body) {
    outgoing.end();
    return;
  }
  // Send headers now: a stream's first byte should not wait for its first chunk.
  if ("flushHeaders" in outgoing) outgoing.flushHeaders();
  else outgoing.writeHead(response.status);
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
      if (!(outgoing as ServerResponse).write(next.value)) {
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

/** Serve one node:http (or HTTP/2 compatibility) request with the engine. */
export function serveWithEngine(engine: (request: Request) => Promise<Response>, incoming: NodeIncoming, outgoing: NodeOutgoing): void {
  const request = toWebRequest(incoming, outgoing);
  engine(request)
    .then((response) => sendWebResponse(response, outgoing))
    .catch((error) => {
      console.error("[proxy] unexpected failure", error);
      if (!outgoing.headersSent) {
        outgoing.statusCode = 500;
        outgoing.end();
      }
    });
}
