// The OpenAPI 3.1 document, generated from the same operation objects and zod
// schemas the route handlers validate with, so the two cannot drift apart.
import { z } from "zod";
import type { Operation } from "./operation";
import { allOperations } from "./all-operations";

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.unknown()).optional() }),
});

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: "path", required: true, schema: { type: "string" } }));
}

function queryParameters(operation: Operation) {
  if (!operation.query) return [];
  const schema = jsonSchema(operation.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function describeOperation(operation: Operation) {
  const responses: Record<string, unknown> = {
    [String(operation.successStatus ?? (operation.response ? 200 : 204))]: operation.response
      ? { description: "Success", content: { "application/json": { schema: jsonSchema(operation.response, "output") } } }
      : { description: "Success" },
  };
  const errorContent = { content: { "application/json": { schema: jsonSchema(errorSchema, "output") } } };
  if (operation.body || operation.query) responses["400"] = { description: "Invalid input (zod issues)", ...errorContent };
  if (!operation.public) responses["401"] = { description: "Not authenticated", ...errorContent };
  if (operation.admin) responses["403"] = { description: "Admins only", ...errorContent };
  if (operation.path.includes("{")) responses["404"] = { description: "Not found", ...errorContent };
  return {
    summary: operation.summary,
    tags: [operation.tag],
    parameters: [...pathParameters(operation.path), ...queryParameters(operation)],
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body, "input") } } } }
      : {}),
    responses,
    ...(operation.public ? { security: [] } : {}),
    ...(operation.admin ? { "x-admin-only": true } : {}),
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of allOperations) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = describeOperation(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Gateway management API",
      version: "1",
      description: "Manage the LLM gateway: providers, routing groups, keys, limits, balance, usage and spending.",
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A management token, or GATEWAY_ADMIN_TOKEN" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
