// The Vertex AI adapter: clients speak Gemini paths; the gateway rewrites them to the
// project/location publisher path and authenticates with a service-account token.
// Answers are the same GenerateContentResponse shape, so usage and streams reuse the
// Gemini API adapter's code; Claude on Vertex answers in Anthropic's shape (partner-usage.ts).
import {
  geminiRequestInfo,
  geminiStreamErrorEvent,
  isGeminiStreamingResponse,
} from "../google";
import { joinUpstreamUrl } from "../shared/upstream-url";
import { googleVertexDescriptor } from "@/lib/providers/descriptors/google-vertex";
import { withoutClientCredentials } from "../shared/client-credentials";
import type { ProviderAdapter, ProviderConfig } from "../types";
import { getAccessToken } from "./access-token";
import { listVertexModels } from "./list-models";
import { createVertexStreamObserver, vertexUsageFromJson } from "./partner-usage";
import { DEFAULT_VERTEX_LOCATION, readVertexSettings } from "./service-account";
import { vertexOrigin, vertexUpstreamPath } from "./vertex-path";

/** A custom baseUrl replaces only the origin; the publisher path is always built here. */
function originFor(provider: ProviderConfig, location: string): string {
  return provider.baseUrl || vertexOrigin(location);
}

export const googleVertexAdapter: ProviderAdapter = {
  type: googleVertexDescriptor.type,
  defaultBaseUrl: vertexOrigin(DEFAULT_VERTEX_LOCATION),
  errorShape: "google",

  requestInfo: geminiRequestInfo,

  /** Rejects (an upstream failure, not a client error) when the credentials cannot yield a token. */
  async buildUpstreamRequest(input) {
    const settings = readVertexSettings(input.provider.credentials);
    if ("error" in settings) throw new Error(`google-vertex provider "${input.provider.slug}": ${settings.error}`);
    const token = await getAccessToken(settings.account);
    const headers = withoutClientCredentials(input.headers);
    headers.set("authorization", `Bearer ${token}`);
    const path = vertexUpstreamPath(input.path, settings);
    return {
      url: joinUpstreamUrl(originFor(input.provider, settings.location), path, input.search),
      headers,
      body: input.body,
    };
  },

  usageFromJson: vertexUsageFromJson,
  createStreamObserver: ({ contentType }) => createVertexStreamObserver({ contentType }),
  streamErrorEvent: geminiStreamErrorEvent,
  isStreamingResponse: isGeminiStreamingResponse,

  async listModels(provider) {
    const settings = readVertexSettings(provider.credentials);
    if ("error" in settings) return null;
    try {
      const token = await getAccessToken(settings.account);
      return await listVertexModels(originFor(provider, settings.location), token, settings.project);
    } catch {
      return null;
    }
  },
};

export { clearAccessTokenCache, getAccessToken, signedAssertion } from "./access-token";
export { readVertexSettings } from "./service-account";
export { vertexOrigin, vertexUpstreamPath } from "./vertex-path";
