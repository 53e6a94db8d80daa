// Connection upgrades (WebSocket, h2c) on /proxy. The engine does not proxy
// WebSockets yet (OpenAI's Responses WebSocket mode, Realtime): it says so at
// once with 426 in the route's error shape, so a client like Codex falls back
// to HTTP immediately instead of waiting on a socket nobody answers.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { errorShapeForPath, GatewayError, gatewayErrorReply } from "./errors";

export function refuseUpgrade(incoming: IncomingMessage, socket: Duplex, proxyPrefix: string): void {
  const path = (incoming.url ?? "/").split("?")[0];
  const upstreamPath = path.startsWith(proxyPrefix) ? path.slice(proxyPrefix.length).replace(/^\/+[^/]*\/?/, "") : path;
  const protocol = incoming.headers.upgrade ?? "that protocol";
  const reply = gatewayErrorReply(
    errorShapeForPath(upstreamPath),
    new GatewayError(426, "upgrade_not_supported", `The gateway does not proxy ${protocol} connections yet; use plain HTTP (streaming works over SSE)`),
  );
  const body = reply.body as Uint8Array;
  const head = [
    "HTTP/1.1 426 Upgrade Required",
    ...Object.entries(reply.headers).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${body.byteLength}`,
    "connection: close",
    "",
    "",
  ].join("\r\n");
  socket.on("error", () => socket.destroy());
  socket.end(Buffer.concat([Buffer.from(head, "latin1"), body]));
}
