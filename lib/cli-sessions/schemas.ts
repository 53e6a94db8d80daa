import { z } from "zod";

export const CLI_SCOPE = "gateway:proxy";

export const deviceAuthorizationResponseSchema = z.object({
  device_code: z.string(),
  user_code: z.string().describe("what the member types on /device, e.g. BCDF-GHJK"),
  verification_uri: z.string(),
  verification_uri_complete: z.string(),
  expires_in: z.number().int(),
  interval: z.number().int(),
});

export const userCodeBodySchema = z.object({ user_code: z.string().min(1).max(32) });

export const userCodeQuerySchema = z.object({ user_code: z.string().min(1).max(32) });

export const deviceRequestResponseSchema = z.object({
  userCode: z.string(),
  clientName: z.string(),
  scope: z.string(),
  status: z.enum(["pending", "approved", "denied", "consumed"]),
  expiresAt: z.string(),
  organization: z.string().describe("the organization a approval signs the CLI into"),
});

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
  refresh_token: z.string(),
  scope: z.string(),
});

export const cliSessionResponseSchema = z.object({
  id: z.string(),
  clientName: z.string(),
  memberId: z.string(),
  memberEmail: z.string(),
  project: z.string(),
  createdAt: z.string(),
  lastRefreshedAt: z.string().nullable(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});

export type CliSessionResponse = z.infer<typeof cliSessionResponseSchema>;

const windowsSchema = z.object({ daily: z.number().nullable(), weekly: z.number().nullable(), monthly: z.number().nullable() });

export const cliStatusResponseSchema = z.object({
  credential: z.enum(["cli-session", "personal-key"]),
  sessionId: z.string().nullable(),
  organization: z.string(),
  member: z.object({ id: z.string(), email: z.string(), role: z.enum(["admin", "member"]) }),
  spend: z.object({ daily: z.number(), weekly: z.number(), monthly: z.number() }),
  limits: windowsSchema,
  usage: z.object({ requests: z.number().int(), costUsd: z.number() }).describe("everything done with this credential so far"),
  routes: z.array(z.object({ slug: z.string(), type: z.string().nullable(), providerTypes: z.array(z.string()), models: z.array(z.string()) })),
});

export type CliStatusResponse = z.infer<typeof cliStatusResponseSchema>;
