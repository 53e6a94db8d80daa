// One port that speaks HTTP/1.1 and cleartext HTTP/2 ("prior knowledge"). The
// AWS SDK's Bedrock client talks HTTP/2 by default, so a gateway reachable at
// http:// must accept it; every other SDK uses HTTP/1.1. The first bytes of a
// connection tell which: HTTP/2 opens with the "PRI * HTTP/2.0" preface.
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from "node:http2";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { Duplex } from "node:stream";

export type NodeRequestHandler = (incoming: IncomingMessage | Http2ServerRequest, outgoing: ServerResponse | Http2ServerResponse) => void;

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

export function createDualProtocolServer(http1Handler: NodeRequestHandler, http2Handler: NodeRequestHandler): DualProtocolServer {
  const http1 = createHttpServer(http1Handler);
  const http2 = createHttp2Server({}, http2Handler);
  const http2Sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    // Small writes (headers, then each stream chunk) must leave at once, not wait for an ACK.
    socket.setNoDelay(true);
    socket.once("data", (firstChunk: Buffer) => {
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
