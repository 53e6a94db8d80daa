// The stored login, for the commands that need one.
import { AccessTokenSource } from "./access-token";
import { readCredentials, resolveGatewayUrl } from "./config";
import { CliError } from "./errors";
import { fetchStatus, type GatewayStatus } from "./gateway-client";

/** The stored credentials as a token source; GATEWAY_URL / --gateway-url may point them at another address of the same gateway. */
export function signedInSource(gatewayUrlFlag?: string): AccessTokenSource {
  const stored = readCredentials();
  if (!stored) throw new CliError("Not signed in: run `gateway login` first", 3);
  return new AccessTokenSource({ ...stored, gatewayUrl: resolveGatewayUrl(gatewayUrlFlag, stored) });
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(amount !== 0 && Math.abs(amount) < 0.01 ? 4 : 2)}`;
}

/** The gateway's status for this login, refreshing the access token once if the gateway answers 401. */
export async function signedInStatus(source: AccessTokenSource): Promise<GatewayStatus> {
  try {
    return await fetchStatus(source.gatewayUrl, await source.current());
  } catch (error) {
    if (!(error instanceof CliError) || error.exitCode !== 3 || !source.refreshable) throw error;
    return fetchStatus(source.gatewayUrl, await source.refresh());
  }
}
