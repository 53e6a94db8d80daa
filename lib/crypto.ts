// Key generation, lookup hashing and encryption at rest. Gateway keys are only
// ever looked up by SHA-256 hash; their plaintext is kept AES-256-GCM encrypted
// under GATEWAY_SECRET so an owner can reveal it again.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "./env";

export const GATEWAY_KEY_PREFIX = "gw_";
export const MANAGEMENT_TOKEN_PREFIX = "gwm_";
const VISIBLE_PREFIX_LENGTH = 10;

/** A new secret like `gw_` + 40 base62-ish characters, and the part safe to display. */
export function generateSecret(prefix: string = GATEWAY_KEY_PREFIX): { secret: string; visiblePrefix: string } {
  const secret = prefix + randomBytes(30).toString("base64url").replace(/[-_]/g, "x");
  return { secret, visiblePrefix: secret.slice(0, VISIBLE_PREFIX_LENGTH) };
}

/** SHA-256 hex digest used to find a key without storing it in the clear. */
export function lookupHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function keyFromSecret(secret: string): Buffer {
  return createHash("sha256").update("gateway-encryption-v1:" + secret).digest();
}

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encrypt(plaintext: string, secret: string = env().GATEWAY_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFromSecret(secret), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Decrypts what encrypt() produced; throws when the secret is wrong or the data was altered. */
export function decrypt(payload: string, secret: string = env().GATEWAY_SECRET): string {
  const [version, iv, tag, ciphertext] = payload.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("Unrecognised ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", keyFromSecret(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

export function encryptJson(value: unknown): string {
  return encrypt(JSON.stringify(value));
}

export function decryptJson<T>(payload: string): T {
  return JSON.parse(decrypt(payload)) as T;
}
