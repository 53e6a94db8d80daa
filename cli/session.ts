// The stored login, for the commands that need one.
import { AccessTokenSource } from "./access-token";
import { readCredentials, resolveGatewayUrl } from "./config";
import { CliError } from "./errors";

/** The stored credentials as a token source; GATEWAY_URL / --gateway-url may point them at another address of the same gateway. */
export function signedInSource(gatewayUrlFlag?: string): AccessTokenSource {
  const stored = readCredentials();
  if (!stored) throw new CliError("Not signed in: run `gateway login` first", 3);
  return new AccessTokenSource({ ...stored, gatewayUrl: resolveGatewayUrl(gatewayUrlFlag, stored) });
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(amount !== 0 && Math.abs(amount) < 0.01 ? 4 : 2)}`;
}
