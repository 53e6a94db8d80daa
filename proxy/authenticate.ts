// Gateway key checks (SPEC §2 error table): unknown 401; revoked, disabled,
// expired 403; the organization's gateway switched off 403.
import { findKeyByHash, type CachedKey } from "@/lib/cache/key-cache";
import { organizationRoutes } from "@/lib/cache/organization-routes";
import { lookupHash } from "@/lib/crypto";
import { authenticateAccessToken } from "@/lib/cli-sessions/proxy-credential";
import { isAccessToken } from "@/lib/cli-sessions/tokens";
import { GatewayError } from "./errors";
import type { HeaderBag } from "./exchange";
import { extractGatewayKey } from "./request-headers";

export async function authenticate(headers: HeaderBag, url: URL): Promise<CachedKey> {
  const secret = extractGatewayKey(headers, url);
  if (!secret) throw new GatewayError(401, "invalid_api_key", "Missing gateway API key: send it as Authorization: Bearer <key>");
  if (isAccessToken(secret)) return authenticateCliAccessToken(secret);
  const key = await findKeyByHash(hashOf(secret));
  if (!key) throw new GatewayError(401, "invalid_api_key", "Invalid gateway API key");
  if (key.revoked) throw new GatewayError(403, "key_revoked", "This API key has been revoked");
  if (key.disabled) throw new GatewayError(403, "key_disabled", "This API key is disabled");
  if (key.expiresAt !== null && key.expiresAt <= Date.now()) {
    throw new GatewayError(403, "key_expired", `This API key expired at ${new Date(key.expiresAt).toISOString()}`);
  }
  return key;
}

// The same few keys arrive over and over: remembering each one's lookup hash
// saves a SHA-256 per request. Bounded, and cleared whole when full, so random
// invalid keys cannot grow it.
const HASH_MEMO_LIMIT = 1024;
const hashMemo = new Map<string, string>();

function hashOf(secret: string): string {
  let hash = hashMemo.get(secret);
  if (hash === undefined) {
    if (hashMemo.size >= HASH_MEMO_LIMIT) hashMemo.clear();
    hash = lookupHash(secret);
    hashMemo.set(secret, hash);
  }
  return hash;
}

/** Checked after the key so the refusal can be attributed and logged. */
export async function assertGatewayEnabled(key: CachedKey): Promise<void> {
  const routes = await organizationRoutes(key.organizationId);
  if (!routes.enabled) throw new GatewayError(403, "gateway_disabled", "The gateway is disabled for this organization");
}

/** A `gateway` CLI access token: 401 whenever refreshing is the fix, so the CLI refreshes once and retries. */
async function authenticateCliAccessToken(token: string): Promise<CachedKey> {
  const result = await authenticateAccessToken(token);
  if (result.ok) return result.key;
  if (result.reason === "expired") throw new GatewayError(401, "invalid_api_key", "The CLI access token expired; the gateway CLI refreshes it");
  if (result.reason === "revoked") throw new GatewayError(401, "invalid_api_key", "This CLI session was revoked; sign in again with `gateway login`");
  throw new GatewayError(401, "invalid_api_key", "Invalid CLI access token");
}
