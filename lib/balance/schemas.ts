import { z } from "zod";

const usd = z.number().min(0).max(10_000_000);

export const autoRechargeSchema = z
  .object({ enabled: z.boolean(), thresholdUsd: usd, targetUsd: usd })
  .refine((value) => !value.enabled || value.targetUsd > value.thresholdUsd, {
    message: "targetUsd must be greater than thresholdUsd",
    path: ["targetUsd"],
  });

export const updateBalanceSchema = z.object({ autoRecharge: autoRechargeSchema }).strict();

export const creditSchema = z.object({
  amountUsd: z.number().positive("amountUsd must be greater than 0").max(10_000_000),
  note: z.string().max(500).optional(),
});

export const adjustmentSchema = z.object({
  amountUsd: z
    .number()
    .refine((value) => value !== 0, "amountUsd must not be 0")
    .refine((value) => Math.abs(value) <= 10_000_000, "amountUsd is too large"),
  reason: z.string().trim().min(1, "reason is required").max(500),
});

export const balanceResponseSchema = z.object({
  balanceUsd: z.number(),
  reservedUsd: z.number(),
  autoRecharge: z.object({ enabled: z.boolean(), thresholdUsd: z.number(), targetUsd: z.number() }),
});

export const ledgerEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(["credit", "adjustment", "auto_recharge", "usage"]),
  amountUsd: z.number(),
  balanceAfterUsd: z.number(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const ledgerQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
