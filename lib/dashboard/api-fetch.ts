// The dashboard's way to call the management API from the browser. It names
// the organization in a header (users can belong to several) and turns the
// API's {"error":{...}} answers into an error whose message can be shown as is.

// Same value as ORGANIZATION_HEADER in lib/api/caller.ts (checked by a test):
// importing that server module here would drag the database into the browser bundle.
export const ORGANIZATION_HEADER = "x-gateway-organization";

export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly issues?: { path: string[]; message: string }[],
  ) {
    super(message);
  }
}

export interface ApiFetchOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls `/api/v1/<path>` for the organization; resolves with the JSON answer (undefined for 204). */
export async function apiFetch<Answer>(organizationSlug: string, path: string, options: ApiFetchOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { [ORGANIZATION_HEADER]: organizationSlug, accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`/api/v1/${path.replace(/^\/+/, "")}`, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiRequestError("Could not reach the server. Check your connection and try again.", 0, "network_error");
  }
  if (response.status === 204) return undefined as Answer;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFrom(response.status, payload);
  return payload as Answer;
}

function errorFrom(status: number, payload: unknown): ApiRequestError {
  const error = (payload as { error?: { code?: string; message?: string; issues?: ApiRequestError["issues"] } } | null)?.error;
  const fallback = status === 401 ? "Your session has ended. Sign in again." : `The server answered ${status}.`;
  return new ApiRequestError(error?.message ?? fallback, status, error?.code ?? "unknown_error", error?.issues);
}
