import { z } from "zod";
import { usdLimitSchema } from "../api/usd-limit";
import { slugSchema } from "../providers/schemas";


export const keyLimitsSchema = z.object({
  daily: usdLimitSchema("daily"),
  weekly: usdLimitSchema("weekly"),
  monthly: usdLimitSchema("monthly"),
  total: usdLimitSchema("total"),
});

export const createKeySchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100),
  project: slugSchema.optional().describe("project slug; the organization's default project when omitted"),
  kind: z.enum(["project", "personal"]).default("project"),
  owner: z.string().min(1).optional().describe("member id owning a personal key; the caller when omitted"),
  expiresAt: z.iso.datetime({ offset: true, message: "expiresAt must be an ISO date-time" }).nullable().optional(),
  limits: keyLimitsSchema.optional(),
});

export const updateKeySchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  limits: keyLimitsSchema.optional(),
  expiresAt: z.iso.datetime({ offset: true, message: "expiresAt must be an ISO date-time" }).nullable().optional(),
  disabled: z.boolean().optional(),
});

export const listKeysQuerySchema = z.object({
  kind: z.enum(["project", "personal"]).optional(),
  project: slugSchema.optional(),
  includeRevoked: z.enum(["true", "false"]).optional(),
});

const limitsAnswer = z.object({
  daily: z.number().nullable(),
  weekly: z.number().nullable(),
  monthly: z.number().nullable(),
  total: z.number().nullable(),
});

export const keyResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["project", "personal"]),
  project: z.string(),
  owner: z.string().nullable(),
  ownerEmail: z.string().nullable(),
  prefix: z.string(),
  expiresAt: z.string().nullable(),
  disabled: z.boolean(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "disabled", "expired", "revoked"]),
  limits: limitsAnswer,
  spend: limitsAnswer.describe("USD spent in the current window of each limit"),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const createdKeyResponseSchema = keyResponseSchema.extend({ secret: z.string() });

export type CreateKeyInput = z.infer<typeof createKeySchema>;
export type UpdateKeyInput = z.infer<typeof updateKeySchema>;
export type KeyResponse = z.infer<typeof keyResponseSchema>;
