// The engine alone on its own port (npm run proxy), for scaling proxies out
// separately from the dashboard.
import { createServer } from "node:http";
import { env } from "@/lib/env";
import { prepareProcess } from "@/lib/startup";
import { counterStore, handleProxyRequest, PROXY_PREFIX } from "./handler";
import { sendWebResponse, toWebRequest } from "./node-http";
import { installGracefulShutdown } from "./shutdown";

export async function startProxyServer(port: number, host = "0.0.0.0") {
  await prepareProcess(counterStore);
  const server = createServer((incoming, outgoing) => {
    const url = incoming.url ?? "/";
    if (!url.startsWith(PROXY_PREFIX + "/")) {
      outgoing.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "Only /proxy/* is served here" } }));
      return;
    }
    const request = toWebRequest(incoming, outgoing, `http://${incoming.headers.host ?? "localhost"}`);
    handleProxyRequest(request)
      .then((response) => sendWebResponse(response, outgoing))
      .catch((error) => {
        console.error("[proxy] unexpected failure", error);
        if (!outgoing.headersSent) outgoing.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  installGracefulShutdown(server, "proxy");
  return server;
}

if (process.argv[1]?.endsWith("proxy/server.ts")) {
  const port = Number(process.env.PROXY_PORT ?? env().PORT);
  startProxyServer(port).then(() => console.log(`[proxy] listening on http://localhost:${port}${PROXY_PREFIX}`));
}
