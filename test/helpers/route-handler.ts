// Calls a management route handler directly, the way Next calls it, for route
// tests that need no running gateway. The route module is imported on the first
// call, so after useTestDatabase() has pointed lib/db at the test database.
import { expect } from "vitest";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** GET `path` + query with `Bearer <token>`; the token defaults to `defaultToken`. */
export function routeGetter(load: () => Promise<{ GET: RouteHandler }>, path: string, defaultToken: string) {
  return async (query: string, token = defaultToken): Promise<Response> => {
    const { GET } = await load();
    const request = new Request(`http://localhost${path}${query}`, { headers: { authorization: `Bearer ${token}` } });
    return GET(request, { params: Promise.resolve({}) });
  };
}

/** The answer to a query the route refuses: 400 invalid_query, its message naming the problem. Returns the body. */
export async function expectInvalidQuery(response: Response, message: string): Promise<{ error: { code: string; message: string; issues?: unknown } }> {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe("invalid_query");
  expect(body.error.message).toContain(message);
  return body;
}
