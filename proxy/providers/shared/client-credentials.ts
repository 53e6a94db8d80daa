// Client headers that carry a credential or describe the client's own
// connection. The engine already strips gateway keys (proxy/request-headers.ts);
// each adapter drops these as well before it sets the provider's credentials,
// so no client header can override or sit beside them.
const CLIENT_CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "api-key", "x-api-key", "x-goog-api-key", "cookie", "host", "content-length"];

/** A copy of the client's headers without any credential (and without `also`, the adapter's own extras). */
export function withoutClientCredentials(clientHeaders: Headers, also: readonly string[] = []): Headers {
  const headers = new Headers(clientHeaders);
  for (const name of CLIENT_CREDENTIAL_HEADERS) headers.delete(name);
  for (const name of also) headers.delete(name);
  return headers;
}
