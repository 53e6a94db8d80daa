// Anthropic's Messages API: v1/messages (JSON and SSE), v1/messages/count_tokens,
// v1/models. Auth is the provider's x-api-key; the client's anthropic-version and
// anthropic-beta headers pass through because they select the wire format it expects.
import { ANTHROPIC_VERSION } from "@/lib/providers/descriptors";
import { anthropicDescriptor } from "@/lib/providers/descriptors/anthropic";
import type { ProviderAdapter, ProviderConfig, UpstreamRequestInput } from "../types";
import { joinUpstreamUrl } from "../shared/upstream-url";
import { fetchModelIds } from "../openai-compatible/list-models";
import {
  MissingBaseUrlError,
  prepareUpstreamHeaders,
  resolveBaseUrl,
} from "../openai-compatible/upstream-request";
import { injectStreamUsage } from "../openai-compatible/request-info";
import { anthropicRequestInfo, classifyAnthropicPath } from "./request-info";
import { createAnthropicStreamObserver } from "./stream-observer";
import { usageFromAnthropicJson } from "./usage";

const DEFAULT_BASE_URL = anthropicDescriptor.defaultBaseUrl;

const encoder = new TextEncoder();

/** The Anthropic protocol's in-stream error event, understood by the Anthropic SDKs. */
export function anthropicStreamErrorEvent(message: string): Uint8Array {
  const body = { type: "error", error: { type: "api_error", message } };
  return encoder.encode(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
}

function authenticate(headers: Headers, provider: ProviderConfig): void {
  const apiKey = provider.credentials.apiKey;
  if (apiKey) headers.set("x-api-key", apiKey);
  if (!headers.has("anthropic-version")) headers.set("anthropic-version", ANTHROPIC_VERSION);
}

export const anthropicAdapter: ProviderAdapter = {
  type: anthropicDescriptor.type,
  defaultBaseUrl: DEFAULT_BASE_URL,
  errorShape: "anthropic",

  requestInfo: anthropicRequestInfo,

  // Anthropic's OpenAI-compatible chat/completions streams usage only when asked, like OpenAI's.
  prepareBody: (path, json) => (classifyAnthropicPath(path) === "openai-chat" ? injectStreamUsage(path, json) : null),

  async buildUpstreamRequest(input: UpstreamRequestInput) {
    const baseUrl = resolveBaseUrl(input.provider, DEFAULT_BASE_URL);
    if (baseUrl === null) throw new MissingBaseUrlError(input.provider);
    const headers = prepareUpstreamHeaders(input.headers, input.body);
    authenticate(headers, input.provider);
    return { url: joinUpstreamUrl(baseUrl, input.path, input.search), headers, body: input.body };
  },

  usageFromJson: usageFromAnthropicJson,

  createStreamObserver: ({ injectedUsage }) => createAnthropicStreamObserver({ injectedUsage }),

  streamErrorEvent: anthropicStreamErrorEvent,

  isStreamingResponse(info, contentType) {
    const type = contentType.toLowerCase();
    if (type.includes("text/event-stream")) return true;
    if (type.includes("json")) return false;
    return info.stream;
  },

  async listModels(provider) {
    const baseUrl = resolveBaseUrl(provider, DEFAULT_BASE_URL);
    if (baseUrl === null) return null;
    const headers = new Headers({ accept: "application/json" });
    authenticate(headers, provider);
    // The listing is paginated (20 by default); 1000 is the largest page.
    return fetchModelIds(joinUpstreamUrl(baseUrl, "v1/models", "?limit=1000"), headers);
  },
};
