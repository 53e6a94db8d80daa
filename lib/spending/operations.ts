import { defineOperation } from "../api/operation";
import { keyHoldsResponseSchema } from "./key-holds-schemas";
import { spendingExportQuerySchema, spendingQuerySchema, spendingResponseSchema } from "./schemas";

export const getSpendingOperation = defineOperation({
  method: "GET",
  path: "/api/v1/spending",
  summary: "Spend, requests and tokens over time with a breakdown (members: their own usage)",
  tag: "Spending",
  query: spendingQuerySchema,
  response: spendingResponseSchema,
});

export const exportSpendingOperation = defineOperation({
  method: "GET",
  path: "/api/v1/spending/export",
  summary:
    "Reconciliation export (CSV): one row per UTC day × provider × model with requests, input, output, cache read, cache write and reasoning tokens and the exact cost in USD (members: their own usage)",
  tag: "Spending",
  query: spendingExportQuerySchema,
});

export const getKeyHoldsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/spending/keys",
  summary: "Per key: USD held by running proxies in each current window and today's refused requests (members: their own keys)",
  tag: "Spending",
  response: keyHoldsResponseSchema,
});
