// The composition root that `npm start` runs: one port. /proxy/* goes straight
// to the engine (never through Next's router, which costs milliseconds per
// request); everything else goes to Next's request handler. The port also
// speaks cleartext HTTP/2 for the proxy, which the AWS Bedrock SDK uses.
import next from "next";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "./lib/env";
import { prepareProcess } from "./lib/startup";
import { bootstrapAdmin } from "./lib/auth/bootstrap-admin";
import { refuseMalformedRequest } from "./lib/api/request-guard";
import { createDualProtocolServer, type NodeRequestHandler, type UpgradeHandler } from "./proxy/dual-protocol-server";
import { counterStore, handleProxy, PROXY_PREFIX } from "./proxy/handler";
import { usageWriter } from "./proxy/metering";
import { serveWithEngine } from "./proxy/node-http";
import { installGracefulShutdown } from "./proxy/shutdown";
import { refuseUpgrade } from "./proxy/upgrade";

function isProxyPath(url: string): boolean {
  return url === PROXY_PREFIX || url.startsWith(PROXY_PREFIX + "/") || url.startsWith(PROXY_PREFIX + "?");
}

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  await prepareProcess(counterStore, () => usageWriter.replaySpool());
  await bootstrapAdmin();
  const app = next({ dev: process.env.NODE_ENV === "development", hostname: "localhost", port: config.PORT });
  const nextHandler = app.getRequestHandler();
  await app.prepare();

  const http1Handler: NodeRequestHandler = (incoming, outgoing) => {
    if (isProxyPath(incoming.url ?? "/")) return serveWithEngine(handleProxy, incoming, outgoing);
    const refusal = refuseMalformedRequest(incoming.method, incoming.url);
    if (refusal) return void (outgoing as ServerResponse).writeHead(refusal.status, refusal.headers).end(refusal.body);
    // Sign-in throttling keys on the client address: never trust one the client sent itself.
    incoming.headers["x-forwarded-for"] = incoming.socket.remoteAddress ?? "";
    void nextHandler(incoming as IncomingMessage, outgoing as ServerResponse);
  };
  const http2Handler: NodeRequestHandler = (incoming, outgoing) => {
    if (isProxyPath(incoming.url ?? "/")) return serveWithEngine(handleProxy, incoming, outgoing);
    outgoing.statusCode = 505;
    outgoing.end("The dashboard speaks HTTP/1.1; only /proxy accepts HTTP/2");
  };
  // /proxy upgrades are the engine's (refused with 426 for now); the dashboard's go to Next.
  const upgradeHandler: UpgradeHandler = (incoming, socket) => {
    if (!isProxyPath(incoming.url ?? "/")) return false;
    refuseUpgrade(incoming, socket, PROXY_PREFIX);
    return true;
  };
  const server = createDualProtocolServer(http1Handler, http2Handler, upgradeHandler);
  await server.listen(config.PORT);
  console.log(`Gateway ready on http://localhost:${config.PORT}`);
  installGracefulShutdown(server, "gateway");
}

void main();
