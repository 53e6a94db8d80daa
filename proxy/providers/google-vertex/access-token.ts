// OAuth2 access tokens for a service account (JWT bearer grant, RFC 7523), cached
// per account until five minutes before they expire. Concurrent requests share one
// in-flight fetch so a burst does not hammer the token endpoint.
import { createHash, sign } from "node:crypto";
import { z } from "zod";
import type { ServiceAccount } from "./service-account";

const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
const REFRESH_MARGIN_MS = 5 * 60_000;
const ASSERTION_LIFETIME_S = 3600;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().nullish(),
});

interface CachedToken {
  token: string;
  refreshAt: number;
}

const cachedTokens = new Map<string, CachedToken>();
const inFlightFetches = new Map<string, Promise<string>>();

function base64Url(data: string | Buffer): string {
  return Buffer.from(data).toString("base64url");
}

function cacheKey(account: ServiceAccount): string {
  const keyDigest = createHash("sha256").update(account.private_key).digest("hex").slice(0, 16);
  return `${account.token_uri}\n${account.client_email}\n${keyDigest}`;
}

/** The signed JWT that the token endpoint swaps for an access token. */
export function signedAssertion(account: ServiceAccount, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const header = { alg: "RS256", typ: "JWT", ...(account.private_key_id ? { kid: account.private_key_id } : {}) };
  const claims = {
    iss: account.client_email,
    scope: CLOUD_PLATFORM_SCOPE,
    aud: account.token_uri,
    iat: nowSeconds,
    exp: nowSeconds + ASSERTION_LIFETIME_S,
  };
  const signingInput = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
  const signature = sign("sha256", Buffer.from(signingInput), account.private_key);
  return `${signingInput}.${base64Url(signature)}`;
}

async function fetchAccessToken(account: ServiceAccount): Promise<CachedToken> {
  const response = await fetch(account.token_uri, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion: signedAssertion(account),
    }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`Vertex token endpoint answered ${response.status}: ${text.slice(0, 200)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("Vertex token endpoint answered with something other than JSON");
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) throw new Error("Vertex token endpoint answered without an access_token");
  const lifetimeMs = (parsed.data.expires_in ?? 3600) * 1000;
  return { token: parsed.data.access_token, refreshAt: Date.now() + lifetimeMs - REFRESH_MARGIN_MS };
}

/** A valid access token for the account; rejects when the token endpoint refuses or fails. */
export function getAccessToken(account: ServiceAccount): Promise<string> {
  const key = cacheKey(account);
  const cached = cachedTokens.get(key);
  if (cached && Date.now() < cached.refreshAt) return Promise.resolve(cached.token);
  const pending = inFlightFetches.get(key);
  if (pending) return pending;
  const fetching = fetchAccessToken(account)
    .then((fresh) => {
      cachedTokens.set(key, fresh);
      return fresh.token;
    })
    .finally(() => inFlightFetches.delete(key));
  inFlightFetches.set(key, fetching);
  return fetching;
}

/** Forgets every cached token (tests, and after credentials are edited). */
export function clearAccessTokenCache(): void {
  cachedTokens.clear();
  inFlightFetches.clear();
}
