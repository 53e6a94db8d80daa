// The one wrapper every /api/v1 route handler goes through: resolve the caller,
// enforce admin-only operations, parse body and query with the operation's zod
// schemas, and turn errors into {"error":{...}} answers. Handlers return plain
// data (answered as JSON) or a Response.
import type { z } from "zod";
import { ApiError, errorResponse } from "./errors";
import { resolveCaller, type Caller } from "./caller";
import type { Operation } from "./operation";
import { readCappedJson } from "./request-body";
import { assertSameOriginMutation } from "./same-origin";

export interface RouteContext<Body, Query> {
  request: Request;
  caller: Caller;
  body: Body;
  query: Query;
  params: Record<string, string>;
}

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

export function apiRoute<Body extends z.ZodType, Query extends z.ZodType>(
  operation: Operation<Body, Query>,
  handler: (context: RouteContext<z.infer<Body>, z.infer<Query>>) => Promise<unknown>,
): (request: Request, context: NextRouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      assertSameOriginMutation(request);
      const caller = operation.public ? (undefined as unknown as Caller) : await resolveCaller(request);
      if (operation.admin && caller.role !== "admin") {
        throw new ApiError("forbidden", "Only an admin of this organization can do this");
      }
      const params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join("/") : value]),
      );
      const query = operation.query ? parseWith(operation.query, queryObject(request), "invalid_query") : undefined;
      const body = operation.body ? parseWith(operation.body, await readCappedJson(request), "invalid_body") : undefined;
      const result = await handler({ request, caller, body, query, params } as RouteContext<z.infer<Body>, z.infer<Query>>);
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: operation.successStatus ?? 200 });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      console.error(`[api] ${operation.method} ${operation.path} failed:`, error);
      return errorResponse(new ApiError("internal_error", "Something went wrong on the server; it has been logged"));
    }
  };
}

function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

function parseWith<T extends z.ZodType>(schema: T, input: unknown, code: "invalid_body" | "invalid_query"): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, code: issue.code }));
  const first = issues[0];
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  throw new ApiError(code, `Invalid ${code === "invalid_body" ? "request body" : "query"}: ${where}${first.message}`, issues);
}
