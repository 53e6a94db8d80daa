// CSRF: a cookie-authenticated change must come from the dashboard's own pages.
// Browsers send Origin (and Sec-Fetch-Site) on every cross-site POST, PATCH,
// PUT and DELETE, even a "simple" text/plain form post, so those headers decide;
// Bearer-token calls carry no ambient credential and are not affected.
import { env, publicUrl } from "../env";
import { ApiError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hasBearer(request: Request): boolean {
  return (request.headers.get("authorization") ?? "").toLowerCase().startsWith("bearer ");
}

/** Hosts the dashboard is served from: the request's own Host and GATEWAY_PUBLIC_URL's. */
function ownHosts(request: Request): string[] {
  const hosts = [new URL(publicUrl()).host];
  const host = request.headers.get("host");
  if (host) hosts.push(host.toLowerCase());
  if (!env().GATEWAY_PUBLIC_URL) hosts.push(new URL(request.url).host);
  return hosts;
}

/** Throws 403 for a cookie-authenticated mutation sent from another site. */
export function assertSameOriginMutation(request: Request): void {
  if (SAFE_METHODS.has(request.method) || hasBearer(request)) return;
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") throw crossSite();
  const origin = request.headers.get("origin");
  if (origin === null) return; // not sent by a browser (curl, the CLI): no ambient cookie was used on its behalf
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    throw crossSite(); // "null" (sandboxed frames, file://) and anything unparsable
  }
  if (!ownHosts(request).includes(host)) throw crossSite();
}

function crossSite(): ApiError {
  return new ApiError("forbidden", "Cross-site request refused: changes made with a dashboard session must come from the dashboard itself (or use a management token)");
}
