import { z } from "zod";
import { defineOperation } from "../api/operation";
import { adjustmentSchema, balanceResponseSchema, creditSchema, ledgerEntrySchema, ledgerQuerySchema, updateBalanceSchema } from "./schemas";

const tag = "Balance";
const withEntry = balanceResponseSchema.extend({ entry: ledgerEntrySchema });

export const getBalanceOperation = defineOperation({
  method: "GET",
  path: "/api/v1/balance",
  summary: "Prepaid balance and auto-recharge settings",
  tag,
  admin: true,
  response: balanceResponseSchema,
});

export const updateBalanceOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/balance",
  summary: "Set auto-recharge (the balance itself moves only through the ledger)",
  tag,
  admin: true,
  body: updateBalanceSchema,
  response: balanceResponseSchema,
});

export const addCreditsOperation = defineOperation({
  method: "POST",
  path: "/api/v1/balance/credits",
  summary: "Add funds (a ledger entry)",
  tag,
  admin: true,
  body: creditSchema,
  response: withEntry,
  successStatus: 201,
});

export const addAdjustmentOperation = defineOperation({
  method: "POST",
  path: "/api/v1/balance/adjustments",
  summary: "Correct the balance (a ledger entry with a reason)",
  tag,
  admin: true,
  body: adjustmentSchema,
  response: withEntry,
  successStatus: 201,
});

export const listLedgerOperation = defineOperation({
  method: "GET",
  path: "/api/v1/balance/ledger",
  summary: "Ledger entries, newest first",
  tag,
  admin: true,
  query: ledgerQuerySchema,
  response: z.array(ledgerEntrySchema),
});
