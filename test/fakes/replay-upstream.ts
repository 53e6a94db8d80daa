// A fake upstream that answers with given bytes: recorded responses of the real
// APIs, or fixtures written in a provider's exact wire format. Each request is
// answered by `respond(request)`; the body is written in several pieces (so the
// gateway's stream observers see events split across chunks), and a response may
// stop after some pieces and hold the connection open, as a slow model does,
// until the client goes away. Credentials are not checked.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReplayRequest {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  body: string;
}

export interface ReplayResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string | Uint8Array;
  /** Split the body into this many pieces (default 7). */
  pieces?: number;
  /** Write only the first N pieces, then wait for the client to disconnect. */
  holdAfterPieces?: number;
}

export interface ReplayServer {
  origin: string;
  requests: ReplayRequest[];
  /** Resolves when the client of a held response has disconnected. */
  clientGone(): Promise<void>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function splitInto(bytes: Uint8Array, pieces: number): Uint8Array[] {
  const size = Math.max(1, Math.ceil(bytes.byteLength / pieces));
  const parts: Uint8Array[] = [];
  for (let start = 0; start < bytes.byteLength; start += size) parts.push(bytes.subarray(start, start + size));
  return parts;
}

export async function startReplayUpstream(respond: (request: ReplayRequest) => ReplayResponse): Promise<ReplayServer> {
  const requests: ReplayRequest[] = [];
  let gone: () => void = () => {};
  let gonePromise = new Promise<void>((resolve) => (gone = resolve));

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", "http://replay.local");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers[name] = String(value);
    const request = { method: incoming.method ?? "GET", path: url.pathname, search: url.search, headers, body: await readBody(incoming) };
    requests.push(request);
    const answer = respond(request);
    const bytes = typeof answer.body === "string" ? new TextEncoder().encode(answer.body) : answer.body;
    const parts = splitInto(bytes, answer.pieces ?? 7);
    const held = answer.holdAfterPieces !== undefined;
    outgoing.writeHead(answer.status ?? 200, { ...(held ? {} : { "content-length": String(bytes.byteLength) }), ...answer.headers });
    for (const [index, part] of parts.entries()) {
      if (held && index >= answer.holdAfterPieces!) {
        outgoing.on("close", () => gone());
        return;
      }
      outgoing.write(part);
      await new Promise((resolve) => setImmediate(resolve));
    }
    outgoing.end();
  }

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error) => {
      outgoing.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    clientGone: () => {
      const current = gonePromise;
      void current.then(() => (gonePromise = new Promise<void>((resolve) => (gone = resolve))));
      return current;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
