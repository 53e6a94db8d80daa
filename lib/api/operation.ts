// An operation of the management API: its path, method and zod schemas. The same
// object feeds the route handler (validation, role check) and the OpenAPI document.
import type { z } from "zod";

export interface Operation<
  Body extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
> {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** OpenAPI path, e.g. "/api/v1/keys/{id}". */
  path: string;
  summary: string;
  tag: string;
  body?: Body;
  query?: Query;
  /** Zod schema of the success answer (documentation only). */
  response?: z.ZodType;
  /** Admin-only operations answer 403 to members. */
  admin?: boolean;
  /** No authentication at all (health). */
  public?: boolean;
  successStatus?: number;
}

export function defineOperation<Body extends z.ZodType = z.ZodNever, Query extends z.ZodType = z.ZodNever>(
  operation: Operation<Body, Query>,
): Operation<Body, Query> {
  return operation;
}
