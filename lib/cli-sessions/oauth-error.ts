// The token endpoint answers errors the way OAuth clients expect (RFC 6749
// §5.2, RFC 8628 §3.5): 400 with {"error","error_description"}, not the
// management API's {"error":{...}} shape.
import { ApiError } from "../api/errors";
import { readCappedText } from "../api/request-body";

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "authorization_pending"
  | "slow_down"
  | "access_denied"
  | "expired_token";

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status = code === "invalid_client" ? 401 : 400,
  ) {
    super(description);
  }
}

export function oauthErrorResponse(error: OAuthError, extra: Record<string, unknown> = {}): Response {
  return Response.json(
    { error: error.code, error_description: error.description, ...extra },
    { status: error.status, headers: { "cache-control": "no-store" } },
  );
}

/** An OAuth request body: form-encoded (what RFC 6749 clients send) or JSON. */
export async function readOAuthParameters(request: Request): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readCappedText(request);
  } catch (error) {
    throw new OAuthError("invalid_request", (error as Error).message, error instanceof ApiError ? error.status : 400);
  }
  if (text.trim() === "") return {};
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.includes("application/json") || text.trimStart().startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new OAuthError("invalid_request", "The request body is not valid JSON");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new OAuthError("invalid_request", "The request body must be an object");
    }
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  }
  return Object.fromEntries(new URLSearchParams(text).entries());
}

/** Runs an OAuth endpoint's work: its answer as JSON (never cached), an OAuthError in OAuth's shape. */
export async function answerOAuth(work: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await work(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof OAuthError) return oauthErrorResponse(error);
    throw error;
  }
}
