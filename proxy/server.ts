// The engine alone on its own port (npm run proxy), for scaling proxies out
// separately from the dashboard.
import { prepareProcess } from "@/lib/startup";
import { createDualProtocolServer, type NodeRequestHandler } from "./dual-protocol-server";
import { counterStore, handleProxy, PROXY_PREFIX } from "./handler";
import { usageWriter } from "./metering";
import { serveWithEngine } from "./node-http";
import { installGracefulShutdown } from "./shutdown";
import { refuseUpgrade } from "./upgrade";

export async function startProxyServer(port: number, host = "0.0.0.0") {
  await prepareProcess(counterStore, () => usageWriter.replaySpool());
  const handler: NodeRequestHandler = (incoming, outgoing) => {
    if (!(incoming.url ?? "/").startsWith(PROXY_PREFIX + "/")) {
      outgoing.statusCode = 404;
      outgoing.setHeader("content-type", "application/json");
      outgoing.end(JSON.stringify({ error: { message: "Only /proxy/* is served here" } }));
      return;
    }
    serveWithEngine(handleProxy, incoming, outgoing);
  };
  const server = createDualProtocolServer(handler, handler, (incoming, socket) => {
    refuseUpgrade(incoming, socket, PROXY_PREFIX);
    return true;
  });
  await server.listen(port, host);
  installGracefulShutdown(server, "proxy");
  return server;
}
