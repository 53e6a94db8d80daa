// The composition root that `npm start` runs: one Node HTTP server. /proxy/*
// goes straight to the engine (never through Next's router, which costs
// milliseconds per request); everything else goes to Next's request handler.
import { createServer } from "node:http";
import next from "next";
import { env } from "./lib/env";
import { prepareProcess } from "./lib/startup";
import { bootstrapAdmin } from "./lib/auth/bootstrap-admin";
import { counterStore, handleProxyRequest, PROXY_PREFIX } from "./proxy/handler";
import { sendWebResponse, toWebRequest } from "./proxy/node-http";
import { installGracefulShutdown } from "./proxy/shutdown";

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  await prepareProcess(counterStore);
  await bootstrapAdmin();
  const app = next({ dev: process.env.NODE_ENV === "development", hostname: "localhost", port: config.PORT });
  const nextHandler = app.getRequestHandler();
  await app.prepare();

  const server = createServer((incoming, outgoing) => {
    const url = incoming.url ?? "/";
    if (url === PROXY_PREFIX || url.startsWith(PROXY_PREFIX + "/") || url.startsWith(PROXY_PREFIX + "?")) {
      const request = toWebRequest(incoming, outgoing, `http://${incoming.headers.host ?? "localhost"}`);
      handleProxyRequest(request)
        .then((response) => sendWebResponse(response, outgoing))
        .catch((error) => {
          console.error("[proxy] unexpected failure", error);
          if (!outgoing.headersSent) outgoing.writeHead(500).end();
        });
      return;
    }
    void nextHandler(incoming, outgoing);
  });
  server.listen(config.PORT, () => console.log(`Gateway ready on http://localhost:${config.PORT}`));
  installGracefulShutdown(server, "gateway");
}

void main();
