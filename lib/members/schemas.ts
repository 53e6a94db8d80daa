import { z } from "zod";
import { usdLimitSchema } from "../api/usd-limit";
import { emailSchema, nameSchema, passwordSchema } from "../auth/schemas";


export const memberLimitsSchema = z.object({ daily: usdLimitSchema("daily"), weekly: usdLimitSchema("weekly"), monthly: usdLimitSchema("monthly") });

export const createMemberSchema = z.object({
  email: emailSchema,
  name: nameSchema.optional(),
  role: z.enum(["admin", "member"]).default("member"),
  password: passwordSchema.optional().describe("with a password the member can sign in at once; without, a one-time invitation link is answered"),
});

export const updateMemberSchema = z.object({
  role: z.enum(["admin", "member"]).optional(),
  limits: memberLimitsSchema.optional(),
});

const limitsAnswer = z.object({ daily: z.number().nullable(), weekly: z.number().nullable(), monthly: z.number().nullable() });

export const memberResponseSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(["admin", "member"]),
  status: z.enum(["active", "invited"]),
  limits: limitsAnswer,
  spend: limitsAnswer.describe("USD spent in the current window of each limit"),
  inviteUrl: z.string().optional(),
  createdAt: z.string(),
});

export type CreateMemberInput = z.infer<typeof createMemberSchema>;
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;
export type MemberResponse = z.infer<typeof memberResponseSchema>;
