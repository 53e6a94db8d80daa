import { defineOperation } from "../api/operation";
import { usageDetailSchema } from "./detail-schemas";
import { listUsageQuerySchema, listUsageResponseSchema } from "./schemas";

export const listUsageOperation = defineOperation({
  method: "GET",
  path: "/api/v1/usage",
  summary: "The request log, newest first (members: requests made with their own personal keys)",
  tag: "Usage",
  query: listUsageQuerySchema,
  response: listUsageResponseSchema,
});

export const getUsageOperation = defineOperation({
  method: "GET",
  path: "/api/v1/usage/{id}",
  summary: "One request of the log: attempts, cost per token class, key, member and project (members: their own requests)",
  tag: "Usage",
  response: usageDetailSchema,
});
