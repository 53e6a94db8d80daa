// `gateway serve`: the local proxy in the foreground until Ctrl-C.
import { startLocalProxy, DEFAULT_PORT } from "../local-proxy";
import type { ParsedOptions } from "../main";
import { signedInSource, signedInStatus } from "../session";

export async function serve(options: ParsedOptions): Promise<number> {
  const source = signedInSource(options.gatewayUrl);
  // Fails now, with a clear message, if the gateway is down or the login is no longer valid.
  const status = await signedInStatus(source);
  source.startKeepingFresh();
  const proxy = await startLocalProxy(source, { port: options.port ?? DEFAULT_PORT, explicitPort: options.port !== undefined });
  const lines = [
    `Local gateway proxy for ${status.member.email} (${status.organization}) → ${source.gatewayUrl}`,
    `Listening on ${proxy.origin}`,
    `Local token: ${proxy.localToken}`,
    "Base URLs:",
    ...status.routes.map((route) => `  ${proxy.origin}/proxy/${route.slug}   (${route.type ?? route.providerTypes.join("/")})`),
    `Status: curl -H "Authorization: Bearer ${proxy.localToken}" ${proxy.origin}/_gateway/status`,
    "Press Ctrl-C to stop.",
  ];
  process.stdout.write(lines.join("\n") + "\n");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  source.stop();
  await proxy.close();
  return 0;
}
