// What a client sends that must never reach an upstream: any header that can
// carry a gateway key or a credential, cookies, and hop-by-hop headers.
// Everything else goes upstream exactly as the client sent it.
import type { HeaderBag } from "./exchange";
import { canDecode } from "./forward";

const STRIPPED_HEADERS = new Set([
  "authorization",
  "x-api-key",
  "x-goog-api-key",
  "api-key",
  "proxy-authorization",
  "cookie",
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-connection",
  "content-length",
  "accept-encoding",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
  "forwarded",
  "x-amz-security-token",
  "x-amz-date",
  "x-amz-content-sha256",
  "x-goog-user-project",
]);

/** Headers the client may pass through to the upstream. */
export function forwardableHeaders(incoming: HeaderBag): Headers {
  const headers = new Headers();
  for (const [name, value] of incoming.entries()) {
    if (STRIPPED_HEADERS.has(name) || name.startsWith("x-gateway-") || name.startsWith("sec-")) continue;
    headers.append(name, value);
  }
  const acceptEncoding = incoming.get("accept-encoding");
  if (acceptEncoding) {
    // The gateway reads usage out of every answer, so it may only accept codings it can decode.
    const readable = acceptEncoding
      .split(",")
      .map((coding) => coding.trim())
      .filter((coding) => canDecode(coding.split(";")[0].trim().toLowerCase()));
    if (readable.length) headers.set("accept-encoding", readable.join(", "));
  }
  return headers;
}

/** The gateway key from any of the places SDKs put one (SPEC §2). */
export function extractGatewayKey(headers: HeaderBag, url: URL): string | null {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^bearer\s+(.+)$/i.exec(authorization.trim());
    if (match) return match[1].trim();
  }
  return headers.get("x-api-key") ?? headers.get("x-goog-api-key") ?? headers.get("api-key") ?? url.searchParams.get("key");
}

const RESPONSE_HEADERS_DROPPED = new Set(["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive", "set-cookie"]);

/** Upstream response headers safe to hand back (the body may have been decoded, so length and encoding go). */
export function clientResponseHeaders(upstream: HeaderBag): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of upstream.entries()) {
    if (RESPONSE_HEADERS_DROPPED.has(name)) continue;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}
