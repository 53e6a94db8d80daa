import { defineOperation } from "../api/operation";
import { listUsageQuerySchema, listUsageResponseSchema } from "./schemas";

export const listUsageOperation = defineOperation({
  method: "GET",
  path: "/api/v1/usage",
  summary: "The request log, newest first (members: requests made with their own personal keys)",
  tag: "Usage",
  query: listUsageQuerySchema,
  response: listUsageResponseSchema,
});
