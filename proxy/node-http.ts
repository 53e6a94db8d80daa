// Bridges node:http (and the HTTP/2 compatibility API) to the engine, without
// Next and without Web Request/Response objects in the way. A client that
// disconnects cancels the reply's stream, which aborts the upstream call.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import type { Readable } from "node:stream";
import { HeaderBag, isStreamBody, type ProxyIncoming, type ProxyReply, type StreamBody } from "./exchange";
import { readNodeBody } from "./read-body";

type NodeIncoming = IncomingMessage | Http2ServerRequest;
type NodeOutgoing = ServerResponse | Http2ServerResponse;
export type ProxyEngine = (incoming: ProxyIncoming) => Promise<ProxyReply>;

/** The engine's view of a node:http request. */
export function fromNode(incoming: NodeIncoming, outgoing: NodeOutgoing): ProxyIncoming {
  let gone = false;
  const listeners: Array<() => void> = [];
  outgoing.once("close", () => {
    if (outgoing.writableFinished) return;
    gone = true;
    for (const listener of listeners.splice(0)) listener();
  });
  return {
    method: incoming.method ?? "GET",
    target: incoming.url ?? "/",
    headers: new HeaderBag(incoming.headers),
    readBody: (maxBytes) => readNodeBody(incoming as Readable & NodeIncoming, maxBytes),
    get clientGone() {
      return gone;
    },
    onClientGone(listener) {
      if (gone) {
        listener();
        return () => {};
      }
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
  };
}

export async function sendReply(reply: ProxyReply, outgoing: NodeOutgoing): Promise<void> {
  const { body } = reply;
  if (!isStreamBody(body)) {
    if (body) reply.headers["content-length"] = String(body.byteLength);
    (outgoing as ServerResponse).writeHead(reply.status, reply.headers);
    if (body) outgoing.end(body);
    else outgoing.end();
    return;
  }
  for (const name in reply.headers) outgoing.setHeader(name, reply.headers[name]);
  outgoing.statusCode = reply.status;
  // Send headers now: a stream's first byte should not wait for its first chunk.
  if ("flushHeaders" in outgoing) outgoing.flushHeaders();
  else outgoing.writeHead(reply.status);
  await pipeStream(body, outgoing);
}

/** Chunk by chunk, waiting for the socket to drain: a slow client slows the upstream read, never the heap. */
async function pipeStream(body: StreamBody, outgoing: NodeOutgoing): Promise<void> {
  const onClose = () => {
    if (!outgoing.writableFinished) body.cancel();
  };
  outgoing.once("close", onClose);
  try {
    for await (const chunk of body.chunks) {
      if (outgoing.destroyed) break;
      if (!(outgoing as ServerResponse).write(chunk)) await drainedOrClosed(outgoing);
    }
    if (!outgoing.destroyed) outgoing.end();
  } catch {
    outgoing.destroy();
  } finally {
    outgoing.removeListener("close", onClose);
  }
}

function drainedOrClosed(outgoing: NodeOutgoing): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      outgoing.removeListener("drain", done);
      outgoing.removeListener("close", done);
      resolve();
    };
    outgoing.once("drain", done);
    outgoing.once("close", done);
  });
}

/** Serve one node:http (or HTTP/2 compatibility) request with the engine. */
export function serveWithEngine(engine: ProxyEngine, incoming: NodeIncoming, outgoing: NodeOutgoing): void {
  engine(fromNode(incoming, outgoing))
    .then((reply) => sendReply(reply, outgoing))
    .catch((error) => {
      console.error("[proxy] unexpected failure", error);
      if (!outgoing.headersSent) {
        outgoing.statusCode = 500;
        outgoing.end();
      } else outgoing.destroy();
    });
}
