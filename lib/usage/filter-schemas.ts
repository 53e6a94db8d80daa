// The request log's filters beyond SPEC §3's key/project/period: who, where,
// what and how it ended, and a search by request or trace id. Kept apart from
// schemas.ts so the list's query grows here and its items grow there.
import { z } from "zod";

export const STATUS_CLASSES = ["success", "error", "4xx", "5xx"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

const text = (name: string, description: string) => z.string().trim().min(1, `${name} cannot be empty`).max(200, `${name} is too long`).optional().describe(description);

export const usageFilterQueryShape = {
  member: text("member", "A member id (personal keys' owner); 'none' for project keys"),
  provider: text("provider", "Slug of the provider that served (or last tried) the request"),
  route: text("route", "The provider or routing group slug the client called"),
  model: text("model", "A model name, exactly"),
  status: z
    .enum(STATUS_CLASSES, { error: `status must be one of ${STATUS_CLASSES.join(", ")}` })
    .optional()
    .describe("success (< 400), error (≥ 400), 4xx or 5xx"),
  error: text("error", "An error code, e.g. spending_limit_exceeded"),
  streamed: z.enum(["true", "false"], { error: "streamed must be true or false" }).optional(),
  search: text("search", "A request id (x-gateway-request-id) or a trace id, exactly"),
  order: z
    .enum(["newest", "oldest"], { error: "order must be newest or oldest" })
    .optional()
    .describe("newest first (default) or oldest first (e.g. a key's first request)"),
};
