// What the dashboard's server refuses before Next sees a request (server.ts):
// methods no page or route handler serves (TRACE, CONNECT, WebDAV verbs) and
// paths with broken percent-encoding both made Next answer 500. They get a 405
// or 400 in the management API's error shape instead, as do NUL characters.
const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const ALLOW = [...SERVED_METHODS].join(", ");

export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function refusal(status: number, code: string, message: string, headers: Record<string, string> = {}): Refusal {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ error: { code, message } }) };
}

/** A refusal for a request Next must not see, or null to let it through. */
export function refuseMalformedRequest(method: string | undefined, target: string | undefined): Refusal | null {
  if (!SERVED_METHODS.has(method ?? "")) {
    return refusal(405, "method_not_allowed", `Method ${method} is not supported`, { allow: ALLOW });
  }
  // A NUL character reaches no valid resource, and PostgreSQL refuses it in text
  // parameters (a 500 from the database driver): refused wherever it appears.
  if (/%00/.test(target ?? "")) return refusal(400, "bad_request", "The request target contains a NUL character (%00)");
  const path = (target ?? "/").split("?")[0];
  if (path.includes("%")) {
    try {
      decodeURIComponent(path);
    } catch {
      return refusal(400, "bad_request", "The path is not valid percent-encoding");
    }
  }
  return null;
}
