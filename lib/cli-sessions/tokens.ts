// The two credentials of a CLI session. The refresh token is an opaque secret
// stored only as a lookup hash. The access token is signed (HMAC-SHA256 under
// a key derived from GATEWAY_SECRET) and carries everything the proxy needs —
// session, member, organization, expiry — so verifying it costs no database
// round trip; revocation is checked against a cache (proxy-credential.ts).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "../env";
import { generateSecret } from "../crypto";

export const ACCESS_TOKEN_PREFIX = "gwa_";
export const REFRESH_TOKEN_PREFIX = "gwr_";
export const DEVICE_CODE_PREFIX = "gwd_";

const accessTokenPayloadSchema = z.object({
  v: z.literal(1),
  sid: z.string().min(1),
  mid: z.string().min(1),
  oid: z.string().min(1),
  exp: z.number().int(),
});

export type AccessTokenPayload = z.infer<typeof accessTokenPayloadSchema>;

export type AccessTokenCheck =
  | { valid: true; payload: AccessTokenPayload }
  | { valid: false; reason: "malformed" | "bad_signature" | "expired"; payload?: AccessTokenPayload };

function signingKey(secret: string): Buffer {
  // A key of its own, so a token signature can never double as an encryption key.
  return createHash("sha256").update("gateway-cli-access-token-v1:" + secret).digest();
}

function signature(encodedPayload: string, secret: string): Buffer {
  return createHmac("sha256", signingKey(secret)).update(encodedPayload).digest();
}

export function accessTokenTtlSeconds(): number {
  return env().GATEWAY_CLI_ACCESS_TOKEN_TTL_SECONDS;
}

/** A signed access token for the session, valid for the configured TTL. */
export function signAccessToken(
  claims: { sessionId: string; membershipId: string; organizationId: string },
  now = Date.now(),
  secret = env().GATEWAY_SECRET,
): { token: string; expiresIn: number } {
  const expiresIn = accessTokenTtlSeconds();
  const payload: AccessTokenPayload = {
    v: 1,
    sid: claims.sessionId,
    mid: claims.membershipId,
    oid: claims.organizationId,
    exp: Math.floor(now / 1000) + expiresIn,
  };
  const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return { token: `${ACCESS_TOKEN_PREFIX}${encoded}.${signature(encoded, secret).toString("base64url")}`, expiresIn };
}

/** Checks signature and expiry only: pure, no I/O. */
export function verifyAccessToken(token: string, now = Date.now(), secret = env().GATEWAY_SECRET): AccessTokenCheck {
  if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return { valid: false, reason: "malformed" };
  const [encoded, signed, extra] = token.slice(ACCESS_TOKEN_PREFIX.length).split(".");
  if (!encoded || !signed || extra !== undefined) return { valid: false, reason: "malformed" };
  const expected = signature(encoded, secret);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: "bad_signature" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return { valid: false, reason: "malformed" };
  }
  const parsed = accessTokenPayloadSchema.safeParse(decoded);
  if (!parsed.success) return { valid: false, reason: "malformed" };
  if (parsed.data.exp * 1000 <= now) return { valid: false, reason: "expired", payload: parsed.data };
  return { valid: true, payload: parsed.data };
}

export function isAccessToken(secret: string): boolean {
  return secret.startsWith(ACCESS_TOKEN_PREFIX);
}

export function newRefreshToken(): string {
  return generateSecret(REFRESH_TOKEN_PREFIX).secret;
}

export function newDeviceCode(): string {
  return generateSecret(DEVICE_CODE_PREFIX).secret;
}
