// The proxy base URL the dashboard shows in snippets. With GATEWAY_PUBLIC_URL
// set, that; without it the server can only guess http://localhost:PORT, which
// is wrong as soon as the dashboard is opened at another address — then the
// page's own origin is the better guess. Display only: never used to decide access.
export function shownBaseUrl(view: { baseUrl: string; baseUrlConfigured?: boolean }, pageOrigin: string | null): string {
  if (view.baseUrlConfigured !== false || !pageOrigin) return view.baseUrl;
  return `${pageOrigin.replace(/\/+$/, "")}/proxy`;
}

/** The page's origin in the browser, null while rendering on the server. */
export function currentOrigin(): string | null {
  return typeof window === "undefined" ? null : window.location.origin;
}
