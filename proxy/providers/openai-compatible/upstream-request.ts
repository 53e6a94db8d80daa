// URL joining and header preparation for upstream requests. Shared with the
// Anthropic adapter, which forwards the same way and differs only in its auth.
import type { ProviderConfig, UpstreamRequest, UpstreamRequestInput } from "../types";

export type OpenAICompatibleAuth = "bearer" | "api-key-header" | "none";

/**
 * Headers that carry credentials or describe the client's own connection. The
 * engine already strips gateway keys; dropping these as well means no client
 * header can override or sit beside the provider's credentials.
 */
const DROPPED_HEADERS = [
  "authorization",
  "proxy-authorization",
  "api-key",
  "x-api-key",
  "x-goog-api-key",
  "cookie",
  "host",
  "content-length",
  // These select the account the key belongs to, which is the provider's, not the client's.
  "openai-organization",
  "openai-project",
];

/** The base URL to use: the provider's custom one, else the type's default; null when neither is set. */
export function resolveBaseUrl(provider: ProviderConfig, defaultBaseUrl: string): string | null {
  const custom = provider.baseUrl?.trim();
  const base = custom ? custom : defaultBaseUrl;
  return base === "" ? null : base;
}

/**
 * Base URL + path + query with exactly one slash between base and path. Query
 * parameters already on the base URL are kept. Dot segments are removed so a
 * client cannot climb out of the base path with the provider's credentials.
 */
export function joinUpstreamUrl(baseUrl: string, path: string, search: string): string {
  const queryStart = baseUrl.indexOf("?");
  const base = (queryStart === -1 ? baseUrl : baseUrl.slice(0, queryStart)).replace(/\/+$/, "");
  const baseQuery = queryStart === -1 ? "" : baseUrl.slice(queryStart + 1);
  const safePath = path
    .split("/")
    .filter((segment) => !isDotSegment(segment))
    .join("/")
    .replace(/^\/+/, "");
  const url = safePath === "" ? base : `${base}/${safePath}`;
  const query = [baseQuery, search.replace(/^\?/, "")].filter((part) => part !== "").join("&");
  return query === "" ? url : `${url}?${query}`;
}

function isDotSegment(segment: string): boolean {
  const decoded = segment.replace(/%2e/gi, ".");
  return decoded === "." || decoded === "..";
}

/** A copy of the client's headers without credentials or connection headers, with a correct content-length. */
export function prepareUpstreamHeaders(clientHeaders: Headers, body: Uint8Array | null): Headers {
  const headers = new Headers(clientHeaders);
  for (const name of DROPPED_HEADERS) headers.delete(name);
  if (body !== null) headers.set("content-length", String(body.byteLength));
  return headers;
}

/** Sets the provider's key. "none" still sends a Bearer key when one is configured (e.g. Ollama behind a proxy). */
export function applyOpenAICompatibleAuth(headers: Headers, auth: OpenAICompatibleAuth, apiKey: string | undefined): void {
  if (!apiKey) return;
  if (auth === "api-key-header") headers.set("api-key", apiKey);
  else headers.set("authorization", `Bearer ${apiKey}`);
}

export class MissingBaseUrlError extends Error {
  constructor(provider: ProviderConfig) {
    super(`provider "${provider.slug}" of type ${provider.type} needs a base URL`);
    this.name = "MissingBaseUrlError";
  }
}

/** The upstream request for an OpenAI-wire provider. Rejects only when the provider has no base URL at all. */
export async function buildOpenAICompatibleRequest(
  input: UpstreamRequestInput,
  options: { defaultBaseUrl: string; auth: OpenAICompatibleAuth },
): Promise<UpstreamRequest> {
  const baseUrl = resolveBaseUrl(input.provider, options.defaultBaseUrl);
  if (baseUrl === null) throw new MissingBaseUrlError(input.provider);
  const headers = prepareUpstreamHeaders(input.headers, input.body);
  applyOpenAICompatibleAuth(headers, options.auth, input.provider.credentials.apiKey);
  return { url: joinUpstreamUrl(baseUrl, input.path, input.search), headers, body: input.body };
}
