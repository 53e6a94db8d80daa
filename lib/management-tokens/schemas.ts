import { z } from "zod";

export const createManagementTokenSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(100),
  expiresAt: z.iso.datetime({ offset: true, message: "expiresAt must be an ISO date-time" }).nullable().optional(),
});

export const managementTokenResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createdManagementTokenSchema = managementTokenResponseSchema.extend({ secret: z.string() });
