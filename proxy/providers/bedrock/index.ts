// The Amazon Bedrock runtime adapter: Converse and InvokeModel (plain and streaming),
// authenticated with SigV4 or a Bedrock API key.
import { bedrockDescriptor, bedrockRuntimeOrigin, DEFAULT_BEDROCK_REGION } from "@/lib/providers/descriptors/bedrock";
import type { ProviderAdapter } from "../types";
import { bedrockRequestInfo, canonicalBedrockPath } from "./bedrock-path";
import { bedrockStreamErrorEvent } from "./bedrock-error";
import { authenticateBedrockRequest } from "./sign-request";
import { createBedrockStreamObserver } from "./stream-observer";
import { bedrockUsageFromJson } from "./usage";


export const bedrockAdapter: ProviderAdapter = {
  type: bedrockDescriptor.type,
  defaultBaseUrl: bedrockDescriptor.defaultBaseUrl,
  errorShape: "bedrock",

  requestInfo: bedrockRequestInfo,

  async buildUpstreamRequest(input) {
    const { credentials } = input.provider;
    const baseUrl = input.provider.baseUrl || bedrockRuntimeOrigin(credentials.region || DEFAULT_BEDROCK_REGION);
    const url = `${baseUrl.replace(/\/+$/, "")}/${canonicalBedrockPath(input.path)}${input.search}`;
    const headers = await authenticateBedrockRequest({
      method: input.method,
      url,
      headers: input.headers,
      body: input.body,
      credentials,
    });
    return { url, headers, body: input.body };
  },

  usageFromJson: bedrockUsageFromJson,
  createStreamObserver: () => createBedrockStreamObserver(),
  streamErrorEvent: bedrockStreamErrorEvent,

  isStreamingResponse(info, contentType) {
    return info.stream || contentType.includes("application/vnd.amazon.eventstream");
  },

  // The runtime endpoint cannot list models; that is the separate control-plane API.
  listModels: async () => null,
};

export { bedrockErrorBody, bedrockExceptionType, bedrockStreamErrorEvent } from "./bedrock-error";
export { bedrockRequestInfo, canonicalBedrockPath, parseBedrockPath } from "./bedrock-path";
export {
  decodeEventStreamMessage,
  encodeEventStreamMessage,
  encodeJsonEvent,
  EventStreamDecoder,
} from "./event-stream";
export { bedrockUsageFromJson } from "./usage";
export { authenticateBedrockRequest } from "./sign-request";
