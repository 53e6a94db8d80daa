import { defineOperation } from "../api/operation";
import { spendingQuerySchema, spendingResponseSchema } from "./schemas";

export const getSpendingOperation = defineOperation({
  method: "GET",
  path: "/api/v1/spending",
  summary: "Spend, requests and tokens over time with a breakdown (members: their own usage)",
  tag: "Spending",
  query: spendingQuerySchema,
  response: spendingResponseSchema,
});
