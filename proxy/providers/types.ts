// The contract every provider type implements. The engine (proxy/handler.ts)
// knows nothing about wire formats: it asks the adapter where to send a request,
// how to authenticate it, and how to read usage from what comes back.
import type { TokenUsage } from "@/lib/pricing";

/** The error body vocabulary a route speaks, so SDKs raise their normal errors. */
export type ErrorShape = "openai" | "anthropic" | "google" | "bedrock";

/** A provider as the engine hands it to an adapter (credentials already decrypted). */
export interface ProviderConfig {
  type: string;
  slug: string;
  /** Custom base URL, or undefined for the type's default. */
  baseUrl?: string;
  /** Type-specific credentials, e.g. { apiKey } or { serviceAccountJson, projectId, location } or { accessKeyId, secretAccessKey, region }. */
  credentials: Record<string, string | undefined>;
}

/** What the engine knows about an incoming request before forwarding it. */
export interface RequestInfo {
  /** e.g. "chat", "embeddings", "generate_content", "text_completion"; GenAI semantic-convention operation names. */
  operation: string;
  model?: string;
  stream: boolean;
  /** max_tokens / max_output_tokens / maxOutputTokens / inferenceConfig.maxTokens when the client set it. */
  maxOutputTokens?: number;
}

/**
 * Token counts in @pydantic/genai-prices' convention: inputTokens is the whole
 * prompt (cache reads and writes included), outputTokens everything generated
 * (reasoning and audio included); the optional classes say how much of those
 * totals was of each kind, and are set only when the upstream reported them.
 */
export interface UsageCounts extends TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** The model the upstream says answered, when it says. */
  model?: string;
  responseId?: string;
  finishReasons?: string[];
}

export interface UpstreamRequestInput {
  method: string;
  /** Path after the route slug, without a leading slash, e.g. "chat/completions". */
  path: string;
  /** Query string including "?" or "" (gateway key parameter already removed). */
  search: string;
  /** Client headers, already stripped of gateway keys, cookies and hop-by-hop headers. */
  headers: Headers;
  /** Request body as forwarded (possibly rewritten by prepareBody), or null. */
  body: Uint8Array | null;
  provider: ProviderConfig;
}

export interface UpstreamRequest {
  url: string;
  headers: Headers;
  body: Uint8Array | null;
}

/**
 * Watches a streaming response as it passes through. `transform` returns the bytes
 * to forward to the client for one upstream chunk (usually the chunk itself; the
 * OpenAI adapter may drop a usage-only event it asked for on the client's behalf).
 * Must never throw: unparsable data is forwarded untouched and simply yields no usage.
 */
export interface StreamObserver {
  transform(chunk: Uint8Array): Uint8Array;
  /** Bytes still held back when the upstream ends (may be empty). */
  flush(): Uint8Array;
  /** Usage seen so far (partial if the stream was cut short), or null if none was seen. */
  usage(): UsageCounts | null;
  /** Output text seen so far, for estimating usage when the stream had none. */
  outputText(): string;
  /**
   * True once the protocol's own ending went by ([DONE], a finish reason,
   * message_stop, response.completed, messageStop, or an error event the upstream
   * sent itself). A stream that ends cleanly without one was cut short upstream.
   */
  completed(): boolean;
}

export interface ProviderAdapter {
  type: string;
  defaultBaseUrl: string;
  errorShape: ErrorShape;
  /** Read model, stream flag, operation and output cap from the path and parsed JSON body (json is null for non-JSON bodies). */
  requestInfo(path: string, search: string, json: unknown): RequestInfo;
  /**
   * Rewrite the JSON body before forwarding, when the adapter must (OpenAI chat streams
   * get stream_options.include_usage). Returns the new body and whether usage was injected;
   * returns null to forward the original bytes untouched.
   */
  prepareBody?(path: string, json: unknown, info: RequestInfo): { json: unknown; injectedUsage: boolean } | null;
  /** Build the upstream URL and headers, adding the provider's credentials. May be async (OAuth, SigV4). */
  buildUpstreamRequest(input: UpstreamRequestInput): Promise<UpstreamRequest>;
  /** Usage from a complete (non-streaming) JSON response body. */
  usageFromJson(body: unknown): UsageCounts | null;
  /** A fresh observer for one streaming response. */
  createStreamObserver(options: { injectedUsage: boolean; contentType: string }): StreamObserver;
  /** Bytes of this protocol's in-stream error event, sent when the upstream dies mid-stream. */
  streamErrorEvent(message: string): Uint8Array;
  /** True when the response to this request will be a stream (by path, query or content type). */
  isStreamingResponse(info: RequestInfo, contentType: string): boolean;
  /** Models the provider offers, for GET /proxy/models and Test connection; null if it cannot list them. */
  listModels?(provider: ProviderConfig): Promise<string[] | null>;
}
