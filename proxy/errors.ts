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
  | "upstream_unavailable"
  | "service_unavailable"
  | "internal_error";

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: GatewayErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const OPENAI_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "invalid_request_error",
  402: "insufficient_quota",
  403: "permission_error",
  404: "not_found_error",
  413: "invalid_request_error",
  429: "rate_limit_error",
};

const ANTHROPIC_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
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
  return jsonReply(error.status, body, { "x-gateway-error-code": error.code, ...headers, ...extraHeaders });
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
