// Errors the gateway itself produces, in the calling route's own wire shape so
// each SDK raises its normal error class. Every one carries x-gateway-error-code.
import { jsonReply, type ProxyReply } from "./exchange";
import { bedrockErrorBody } from "./providers/bedrock/bedrock-error";
import type { ErrorShape } from "./providers/types";

export type GatewayErrorCode =
  | "invalid_api_key"
  | "key_expired"
  | "key_disabled"
  | "key_revoked"
  | "gateway_disabled"
  | "spending_limit_exceeded"
  | "insufficient_balance"
  | "route_not_found"
  | "model_not_priced"
  | "invalid_request"
  | "request_too_large"
  | "method_not_allowed"
  | "upgrade_not_supported"
  | "upstream_unavailable"
  | "service_unavailable"
  | "internal_error";

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: GatewayErrorCode,
    message: string,
    /** Extra response headers, e.g. Allow on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Refusals that the same request will meet again: they say so with
 * `x-should-retry: false`, which the OpenAI and Anthropic SDKs (and Claude Code)
 * honour instead of retrying a 429 or 5xx several times over a minute.
 */
const NOT_RETRYABLE = new Set<GatewayErrorCode>([
  "invalid_api_key",
  "key_expired",
  "key_disabled",
  "key_revoked",
  "gateway_disabled",
  "spending_limit_exceeded",
  "insufficient_balance",
  "route_not_found",
  "model_not_priced",
  "invalid_request",
  "request_too_large",
  "method_not_allowed",
  "upgrade_not_supported",
]);

/** Seconds after which a retry may pass, where waiting helps. */
const RETRY_AFTER_SECONDS: Partial<Record<GatewayErrorCode, string>> = { service_unavailable: "5" };

function retryHeaders(code: GatewayErrorCode): Record<string, string> {
  if (NOT_RETRYABLE.has(code)) return { "x-should-retry": "false" };
  const after = RETRY_AFTER_SECONDS[code];
  return after ? { "retry-after": after } : {};
}

const OPENAI_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "invalid_request_error",
  402: "insufficient_quota",
  403: "permission_error",
  404: "not_found_error",
  405: "invalid_request_error",
  413: "invalid_request_error",
  429: "rate_limit_error",
};

const ANTHROPIC_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  405: "invalid_request_error",
  413: "request_too_large",
  429: "rate_limit_error",
  529: "overloaded_error",
};

const GOOGLE_STATUSES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  402: "RESOURCE_EXHAUSTED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  413: "INVALID_ARGUMENT",
  429: "RESOURCE_EXHAUSTED",
  503: "UNAVAILABLE",
};

function errorBody(shape: ErrorShape, status: number, code: GatewayErrorCode, message: string): { body: unknown; headers: Record<string, string> } {
  switch (shape) {
    case "anthropic":
      return { body: { type: "error", error: { type: ANTHROPIC_TYPES[status] ?? "api_error", message } }, headers: {} };
    case "google":
      return { body: { error: { code: status, message, status: GOOGLE_STATUSES[status] ?? "INTERNAL" } }, headers: {} };
    case "bedrock":
      return bedrockErrorBody(status, message);
    default:
      return { body: { error: { message, type: OPENAI_TYPES[status] ?? "api_error", param: null, code } }, headers: {} };
  }
}

/** A JSON error reply in the route's shape. */
export function gatewayErrorReply(shape: ErrorShape, error: GatewayError, extraHeaders: Record<string, string> = {}): ProxyReply {
  const { body, headers } = errorBody(shape, error.status, error.code, error.message);
  return jsonReply(error.status, body, { "x-gateway-error-code": error.code, ...retryHeaders(error.code), ...error.headers, ...headers, ...extraHeaders });
}

/**
 * Which error vocabulary a path speaks, decided from the path alone so that even
 * errors raised before the route is known (a bad key) reach the SDK in its shape.
 */
export function errorShapeForPath(upstreamPath: string): ErrorShape {
  const path = upstreamPath.replace(/^\/+/, "");
  if (/^(v1\/)?messages(\/|$)/.test(path) || /^v1\/complete$/.test(path)) return "anthropic";
  if (/^model\/[^/]+\/(converse|converse-stream|invoke|invoke-with-response-stream|count-tokens)$/.test(path)) return "bedrock";
  if (/^(v1|v1beta|v1beta1|v1alpha)\/models\/[^/]+:/.test(path) || /^(v1beta|v1beta1|v1alpha)\//.test(path) || /^v1\/projects\//.test(path)) {
    return "google";
  }
  return "openai";
}
