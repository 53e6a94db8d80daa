// One port that speaks HTTP/1.1 and cleartext HTTP/2 ("prior knowledge"). The
// AWS SDK's Bedrock client talks HTTP/2 by default, so a gateway reachable at
// http:// must accept it; every other SDK uses HTTP/1.1. The first bytes of a
// connection tell which: HTTP/2 opens with the "PRI * HTTP/2.0" preface.
import { createServer as createHttpServer, ServerResponse, type IncomingMessage, type Server as HttpServer } from "node:http";
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from "node:http2";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { Duplex } from "node:stream";
import { env } from "@/lib/env";
import { ConnectionsPerAddress } from "./connection-limit";

export type NodeRequestHandler = (incoming: IncomingMessage | Http2ServerRequest, outgoing: ServerResponse | Http2ServerResponse) => void;
/** Answers an HTTP/1.1 upgrade request itself (true), or leaves it to the server's other listeners (false). */
export type UpgradeHandler = (incoming: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export interface DualProtocolServer {
  /** The listening socket server. */
  server: NetServer;
  /** The HTTP/1.1 side, for Next's upgrade handling and connection draining. */
  http1: HttpServer;
  listen(port: number, host?: string): Promise<void>;
  /** Stop accepting connections; idle ones close now, busy ones when done. */
  close(): void;
  closeIdleConnections(): void;
  closeAllConnections(): void;
}

const HTTP2_PREFACE_START = "PRI ";

export function createDualProtocolServer(http1Handler: NodeRequestHandler, http2Handler: NodeRequestHandler, upgradeHandler?: UpgradeHandler): DualProtocolServer {
  // Slow clients must not hold sockets forever (Node's defaults are 60 s for headers, 300 s for a request).
  const config = env();
  const headersTimeout = config.GATEWAY_HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(config.GATEWAY_REQUEST_TIMEOUT_MS, headersTimeout);
  const http1 = createHttpServer(
    // The timeouts are checked on an interval (Node's default: 30 s); a quarter of the shorter one keeps them close to their value.
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(50, Math.floor(headersTimeout / 4)) },
    http1Handler,
  );
  // http1 never listens itself (the net server below hands it sockets), so Node would never
  // start the periodic check that enforces those timeouts: it starts on 'listening'.
  http1.emit("listening");
  interceptUpgrades(http1, http1Handler, upgradeHandler);
  const http2 = createHttp2Server({}, http2Handler);
  const http2Sockets = new Set<Socket>();
  const connections = new ConnectionsPerAddress(config.GATEWAY_MAX_CONNECTIONS_PER_ADDRESS);
  const server = createNetServer((socket) => {
    if (!connections.admit(socket)) return;
    // Small writes (headers, then each stream chunk) must leave at once, not wait for an ACK.
    socket.setNoDelay(true);
    // Node's header timeout starts with the first byte, which http1 only sees once we hand the socket
    // over: a connection that never sends anything is closed here instead of being held forever.
    socket.setTimeout(headersTimeout, () => socket.destroy());
    socket.once("data", (firstChunk: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      if (firstChunk.subarray(0, 4).toString("latin1") === HTTP2_PREFACE_START) {
        http2Sockets.add(socket);
        socket.once("close", () => http2Sockets.delete(socket));
        http2.emit("connection", replayingStream(socket, firstChunk));
      } else {
        // HTTP/1's parser reads buffered data through 'data' events, so putting the bytes back works.
        socket.unshift(firstChunk);
        http1.emit("connection", socket);
        socket.resume();
      }
    });
    socket.on("error", () => socket.destroy());
  });
  return {
    server,
    http1,
    listen: (port, host) => new Promise((resolve) => server.listen(port, host, () => resolve())),
    close() {
      server.close();
      http1.close();
      http2.close();
    },
    closeIdleConnections: () => http1.closeIdleConnections(),
    closeAllConnections() {
      http1.closeAllConnections();
      for (const socket of http2Sockets) socket.destroy();
    },
  };
}

/**
 * Upgrade requests reach `upgradeHandler` first; only those it leaves go to the
 * other 'upgrade' listeners (Next attaches one to this server on its first
 * request, and would otherwise take /proxy upgrades and never answer them).
 * With no listener Node would parse an upgrade as a plain request, so one is
 * always registered and refuses what nobody else takes.
 */
function interceptUpgrades(http1: HttpServer, http1Handler: NodeRequestHandler, upgradeHandler?: UpgradeHandler): void {
  const emit = http1.emit.bind(http1);
  http1.emit = ((event: string, ...args: unknown[]) => {
    if (event !== "upgrade") return emit(event, ...args);
    const [incoming, socket, head] = args as [IncomingMessage, Socket, Buffer];
    if (isBodylessH2cUpgrade(incoming)) {
      // `curl --http2 http://…` asks to switch to h2c; a server may ignore that and answer in HTTP/1.1.
      serveIgnoringUpgrade(http1Handler, incoming, socket);
      return true;
    }
    if (upgradeHandler?.(incoming, socket, head)) return true;
    if (http1.listenerCount("upgrade") > 1) return emit(event, ...args);
    socket.destroy();
    return true;
  }) as typeof http1.emit;
  http1.on("upgrade", () => {});
}

function isBodylessH2cUpgrade(incoming: IncomingMessage): boolean {
  const upgrade = (incoming.headers.upgrade ?? "").toLowerCase();
  return upgrade === "h2c" && (incoming.method === "GET" || incoming.method === "HEAD");
}

function serveIgnoringUpgrade(http1Handler: NodeRequestHandler, incoming: IncomingMessage, socket: Socket): void {
  const response = new ServerResponse(incoming);
  response.shouldKeepAlive = false;
  response.assignSocket(socket);
  response.once("finish", () => {
    response.detachSocket(socket);
    socket.end();
  });
  incoming.push(null); // a GET has no body; the parser has let go of this request
  http1Handler(incoming, response);
}

/**
 * The socket as a stream that first replays the bytes already read from it.
 * HTTP/2 sessions read a plain socket natively and would miss data put back
 * with unshift(); given any other Duplex they read it through JavaScript.
 */
function replayingStream(socket: Socket, alreadyRead: Buffer): Duplex {
  const stream = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk, encoding, callback) {
      socket.write(chunk, encoding, callback);
    },
    final(callback) {
      socket.end();
      callback();
    },
    destroy(error, callback) {
      socket.destroy(error ?? undefined);
      callback(error);
    },
  });
  stream.push(alreadyRead);
  socket.on("data", (chunk) => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on("end", () => stream.push(null));
  socket.on("close", () => stream.destroy());
  socket.on("error", (error) => stream.destroy(error));
  socket.resume();
  return stream;
}
