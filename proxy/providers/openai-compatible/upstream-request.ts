// URL joining and header preparation for upstream requests. Shared with the
// Anthropic adapter, which forwards the same way and differs only in its auth.
import { joinUpstreamUrl } from "../shared/upstream-url";
import { withoutClientCredentials } from "../shared/client-credentials";
import type { ProviderConfig, UpstreamRequest, UpstreamRequestInput } from "../types";

export type OpenAICompatibleAuth = "bearer" | "api-key-header" | "none";

// These select the account the key belongs to, which is the provider's, not the client's.
const ACCOUNT_HEADERS = ["openai-organization", "openai-project"];

/** The base URL to use: the provider's custom one, else the type's default; null when neither is set. */
export function resolveBaseUrl(provider: ProviderConfig, defaultBaseUrl: string): string | null {
  const custom = provider.baseUrl?.trim();
  const base = custom ? custom : defaultBaseUrl;
  return base === "" ? null : base;
}

/** A copy of the client's headers without credentials or connection headers, with a correct content-length. */
export function prepareUpstreamHeaders(clientHeaders: Headers, body: Uint8Array | null): Headers {
  const headers = withoutClientCredentials(clientHeaders, ACCOUNT_HEADERS);
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
