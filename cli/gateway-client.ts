// The CLI's calls to the gateway: the device flow and token endpoints (RFC
// 8628 / RFC 6749, form-encoded) and the status. An unreachable gateway is a
// CliError naming the URL, never a stack trace.
import { hostname, userInfo } from "node:os";
import { z } from "zod";
import { CliError } from "./errors";

export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

const deviceAuthorizationSchema = z.object({
  device_code: z.string(),
  user_code: z.string(),
  verification_uri: z.string(),
  verification_uri_complete: z.string().optional(),
  expires_in: z.number(),
  interval: z.number().optional(),
});

const tokenSchema = z.object({ access_token: z.string(), refresh_token: z.string(), expires_in: z.number() });

export type TokenAnswer = z.infer<typeof tokenSchema>;

const statusSchema = z.object({
  credential: z.enum(["cli-session", "personal-key"]),
  sessionId: z.string().nullable(),
  organization: z.string(),
  member: z.object({ id: z.string(), email: z.string(), role: z.string() }),
  spend: z.object({ daily: z.number(), weekly: z.number(), monthly: z.number() }),
  limits: z.object({ daily: z.number().nullable(), weekly: z.number().nullable(), monthly: z.number().nullable() }),
  usage: z.object({ requests: z.number(), costUsd: z.number() }).optional(),
  routes: z.array(z.object({ slug: z.string(), type: z.string().nullable(), providerTypes: z.array(z.string()), models: z.array(z.string()) })),
});

export type GatewayStatus = z.infer<typeof statusSchema>;

/** An OAuth error answer: {"error","error_description"}. */
export class OAuthAnswerError extends Error {
  constructor(
    readonly code: string,
    description: string,
  ) {
    super(description);
  }
}

async function call(gatewayUrl: string, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${gatewayUrl}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new CliError(`Cannot reach the gateway at ${gatewayUrl} (${reason}). Check --gateway-url or GATEWAY_URL.`);
  }
}

async function readJson(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`The gateway answered ${what} with status ${response.status} and no JSON; is this URL a gateway?`);
  }
}

async function oauthPost(gatewayUrl: string, path: string, parameters: Record<string, string>): Promise<unknown> {
  const response = await call(gatewayUrl, path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(parameters).toString(),
  });
  const body = await readJson(response, path);
  if (!response.ok) {
    const error = z.object({ error: z.string(), error_description: z.string().optional() }).safeParse(body);
    if (error.success) throw new OAuthAnswerError(error.data.error, error.data.error_description ?? error.data.error);
    throw new CliError(`The gateway refused ${path} with status ${response.status}`);
  }
  return body;
}

export function clientName(): string {
  let user = "";
  try {
    user = userInfo().username;
  } catch {
    // No user name in some containers.
  }
  return `gateway CLI on ${hostname()}${user ? ` (${user})` : ""}`;
}

export async function startDeviceAuthorization(gatewayUrl: string) {
  return deviceAuthorizationSchema.parse(await oauthPost(gatewayUrl, "/api/v1/cli/device", { client_name: clientName(), scope: "gateway:proxy" }));
}

export async function pollDeviceToken(gatewayUrl: string, deviceCode: string): Promise<TokenAnswer> {
  return tokenSchema.parse(await oauthPost(gatewayUrl, "/api/v1/cli/token", { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode }));
}

export async function refreshAccessToken(gatewayUrl: string, refreshToken: string): Promise<TokenAnswer> {
  return tokenSchema.parse(await oauthPost(gatewayUrl, "/api/v1/cli/token", { grant_type: "refresh_token", refresh_token: refreshToken }));
}

export async function fetchStatus(gatewayUrl: string, credential: string): Promise<GatewayStatus> {
  const response = await call(gatewayUrl, "/api/v1/cli/status", { headers: { authorization: `Bearer ${credential}`, accept: "application/json" } });
  const body = await readJson(response, "/api/v1/cli/status");
  if (!response.ok) {
    const message = (body as { error?: { message?: string } }).error?.message ?? `status ${response.status}`;
    throw new CliError(`The gateway refused these credentials: ${message}. Run \`gateway login\`.`, response.status === 401 ? 3 : 1);
  }
  return statusSchema.parse(body);
}
