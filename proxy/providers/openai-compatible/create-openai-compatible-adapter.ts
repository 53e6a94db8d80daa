// The one implementation behind every OpenAI-wire provider type (openai, azure,
// groq, mistral, huggingface, doubleword, ollama, openai-compatible): each type
// only names its default base URL and how it authenticates.
import type { ProviderAdapter } from "../types";
import { joinUpstreamUrl } from "../shared/upstream-url";
import { fetchModelIds } from "./list-models";
import { usageFromOpenAIJson } from "./map-openai-usage";
import { injectStreamUsage, openAIRequestInfo } from "./request-info";
import { createOpenAIStreamObserver } from "./stream-observer";
import {
  applyOpenAICompatibleAuth,
  buildOpenAICompatibleRequest,
  resolveBaseUrl,
  type OpenAICompatibleAuth,
} from "./upstream-request";

export interface OpenAICompatibleOptions {
  type: string;
  /** "" when the type has no sensible default (azure, openai-compatible): a baseUrl is then required. */
  defaultBaseUrl: string;
  auth: OpenAICompatibleAuth;
  /**
   * Whether to add stream_options.include_usage to chat streams (default true).
   * Off for servers that reject the field but report stream usage anyway (Mistral).
   */
  injectStreamUsage?: boolean;
}

const encoder = new TextEncoder();

/** The OpenAI protocol's in-stream error event, understood by the OpenAI SDKs. */
export function openAIStreamErrorEvent(message: string): Uint8Array {
  const body = { error: { message, type: "server_error", code: "upstream_error" } };
  return encoder.encode(`data: ${JSON.stringify(body)}\n\n`);
}

export function createOpenAICompatibleAdapter(options: OpenAICompatibleOptions): ProviderAdapter {
  const shouldInjectUsage = options.injectStreamUsage ?? true;
  return {
    type: options.type,
    defaultBaseUrl: options.defaultBaseUrl,
    errorShape: "openai",

    requestInfo: openAIRequestInfo,

    prepareBody(path, json) {
      return shouldInjectUsage ? injectStreamUsage(path, json) : null;
    },

    buildUpstreamRequest(input) {
      return buildOpenAICompatibleRequest(input, options);
    },

    usageFromJson: usageFromOpenAIJson,

    createStreamObserver({ injectedUsage }) {
      return createOpenAIStreamObserver({ injectedUsage });
    },

    streamErrorEvent: openAIStreamErrorEvent,

    isStreamingResponse(info, contentType) {
      const type = contentType.toLowerCase();
      if (type.includes("text/event-stream")) return true;
      if (type.includes("json")) return false;
      return info.stream;
    },

    async listModels(provider) {
      const baseUrl = resolveBaseUrl(provider, options.defaultBaseUrl);
      if (baseUrl === null) return null;
      const headers = new Headers({ accept: "application/json" });
      applyOpenAICompatibleAuth(headers, options.auth, provider.credentials.apiKey);
      return fetchModelIds(joinUpstreamUrl(baseUrl, "models", ""), headers);
    },
  };
}
