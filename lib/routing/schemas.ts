import { z } from "zod";
import { slugSchema } from "../providers/schemas";

export const routingMemberSchema = z.object({
  provider: slugSchema.describe("provider slug"),
  priority: z.number().int().min(-1000).max(1000).default(0).describe("higher is tried first"),
  weight: z.number().min(0, "weight must be ≥ 0").max(1_000_000).default(1).describe("share within a priority; 0 = last resort"),
});

export const createRoutingGroupSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1).max(100).optional(),
  members: z.array(routingMemberSchema).min(1, "a routing group needs at least one member").max(50),
});

export const updateRoutingGroupSchema = z.object({
  name: z.string().trim().min(1).max(100).nullable().optional(),
  members: z.array(routingMemberSchema).min(1, "a routing group needs at least one member").max(50).optional(),
});

export const routingGroupResponseSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string().nullable(),
  members: z.array(z.object({ provider: z.string(), priority: z.number(), weight: z.number() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type CreateRoutingGroupInput = z.infer<typeof createRoutingGroupSchema>;
export type UpdateRoutingGroupInput = z.infer<typeof updateRoutingGroupSchema>;
export type RoutingGroupResponse = z.infer<typeof routingGroupResponseSchema>;
