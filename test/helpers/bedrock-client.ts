// The official Bedrock runtime client set up the way a Bedrock SDK user points it
// at the gateway, over either transport the SDK offers, and the response headers
// the SDK otherwise keeps to itself.
import type { BedrockRuntimeClient, BedrockRuntimeClientConfig } from "@aws-sdk/client-bedrock-runtime";
import { NodeHttpHandler } from "@smithy/node-http-handler";

export type Transport = "HTTP/2 (the SDK's default handler)" | "HTTP/1.1 (NodeHttpHandler)";
export const TRANSPORTS: Transport[] = ["HTTP/2 (the SDK's default handler)", "HTTP/1.1 (NodeHttpHandler)"];

/**
 * The gateway key as the client's bearer token (what the SDK does with a Bedrock API
 * key), preferred over SigV4; one attempt, over `transport`.
 */
export function gatewayClientConfig(endpoint: string, region: string, gatewayKey: string, transport: Transport): BedrockRuntimeClientConfig {
  return {
    endpoint,
    region,
    token: { token: gatewayKey },
    authSchemePreference: ["httpBearerAuth"],
    maxAttempts: 1,
    ...(transport === "HTTP/1.1 (NodeHttpHandler)" ? { requestHandler: new NodeHttpHandler() } : {}),
  };
}

/**
 * The SDK keeps no response headers, so a middleware records them per command
 * (x-gateway-request-id finds the usage row; x-gateway-cost-usd, the price).
 */
export function recordResponseHeaders(client: BedrockRuntimeClient): Array<Record<string, string>> {
  const seen: Array<Record<string, string>> = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      seen.push((result.response as { headers: Record<string, string> }).headers);
      return result;
    },
    { step: "deserialize", name: "recordGatewayHeaders" },
  );
  return seen;
}
