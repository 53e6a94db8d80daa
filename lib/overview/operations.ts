import { defineOperation } from "../api/operation";
import { overviewQuerySchema, overviewResponseSchema } from "./schemas";

export const getOverviewOperation = defineOperation({
  method: "GET",
  path: "/api/v1/overview",
  summary: "Requests, cost, tokens, error rate, latency percentiles and top models and providers over 24h, 7d or 30d",
  tag: "Usage",
  admin: true,
  query: overviewQuerySchema,
  response: overviewResponseSchema,
});
