// The one error type of the management API. Route code throws it; the wrapper
// turns it into {"error":{"code","message","issues"?}} with its status.

export const API_ERROR_STATUS = {
  bad_request: 400,
  invalid_body: 400,
  invalid_query: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  request_too_large: 413,
  too_many_requests: 429,
  internal_error: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
    this.status = API_ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new ApiError("not_found", `${what} not found`);
export const forbidden = (message = "Only an admin of this organization can do this") => new ApiError("forbidden", message);
export const conflict = (message: string) => new ApiError("conflict", message);

export function errorResponse(error: ApiError): Response {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.issues !== undefined) body.issues = error.issues;
  return Response.json({ error: body }, { status: error.status });
}
