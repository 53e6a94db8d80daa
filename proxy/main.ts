// npm run proxy: the engine alone on PROXY_PORT (else PORT).
import { env } from "@/lib/env";
import { PROXY_PREFIX } from "./handler";
import { startProxyServer } from "./server";

let port: number;
try {
  port = Number(process.env.PROXY_PORT ?? env().PORT);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
startProxyServer(port).then(() => console.log(`[proxy] listening on http://localhost:${port}${PROXY_PREFIX}`));
