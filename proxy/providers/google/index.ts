// The Gemini API adapter (generativelanguage.googleapis.com): paths pass through
// unchanged and the provider's key goes in x-goog-api-key.
import { googleDescriptor } from "@/lib/providers/descriptors/google";
import { withoutClientCredentials } from "../shared/client-credentials";
import type { ProviderAdapter, RequestInfo } from "../types";
import { geminiRequestInfo } from "./gemini-path";
import { listGeminiModels } from "./list-models";
import { geminiStreamErrorEvent } from "./stream-error-event";
import { createGeminiStreamObserver } from "./stream-observer";
import { joinUpstreamUrl } from "../shared/upstream-url";
import { geminiUsageFromJson } from "./usage";

const GEMINI_DEFAULT_BASE_URL = googleDescriptor.defaultBaseUrl;


/** Streaming is known from the path (the JSON-array stream is application/json). */
export function isGeminiStreamingResponse(info: RequestInfo, contentType: string): boolean {
  return info.stream || contentType.includes("text/event-stream");
}

export const googleAdapter: ProviderAdapter = {
  type: googleDescriptor.type,
  defaultBaseUrl: GEMINI_DEFAULT_BASE_URL,
  errorShape: "google",

  requestInfo: geminiRequestInfo,

  async buildUpstreamRequest(input) {
    const headers = withoutClientCredentials(input.headers);
    const apiKey = input.provider.credentials.apiKey;
    if (apiKey) headers.set("x-goog-api-key", apiKey);
    const baseUrl = input.provider.baseUrl || GEMINI_DEFAULT_BASE_URL;
    return { url: joinUpstreamUrl(baseUrl, input.path, input.search), headers, body: input.body };
  },

  usageFromJson: geminiUsageFromJson,
  createStreamObserver: ({ contentType }) => createGeminiStreamObserver({ contentType }),
  streamErrorEvent: geminiStreamErrorEvent,
  isStreamingResponse: isGeminiStreamingResponse,

  listModels: (provider) =>
    listGeminiModels(provider.baseUrl || GEMINI_DEFAULT_BASE_URL, provider.credentials.apiKey),
};

export { geminiRequestInfo, parseGeminiPath } from "./gemini-path";
export { createGeminiStreamObserver } from "./stream-observer";
export { geminiStreamErrorEvent } from "./stream-error-event";
export { geminiUsageFromJson, GeminiResponseAccumulator } from "./usage";
