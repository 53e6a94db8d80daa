// Each upstream attempt of a request, as stored in UsageRecord.attemptLog (JSON)
// and shown in the request log's detail: which member was tried, how it ended
// and why the gateway moved on. Written only when there is something to tell
// (a failover or a failed attempt), so the common one-attempt row stays small.
import { z } from "zod";

export const attemptSchema = z.object({
  provider: z.string().describe("Slug of the provider tried"),
  type: z.string().nullable().describe("Its provider type"),
  status: z.number().int().nullable().describe("The upstream's status, null when no answer came"),
  durationMs: z.number().int().nullable(),
  failure: z
    .object({ reason: z.string(), message: z.string() })
    .nullable()
    .describe("Why this attempt did not serve the request (connection, timeout, a status that triggers failover)"),
});

export type Attempt = z.infer<typeof attemptSchema>;

/** What the proxy knows about one attempt (proxy/request-context.ts AttemptRecord). */
export interface AttemptInput {
  providerSlug: string;
  providerType: string;
  startedAt: number;
  endedAt: number | null;
  status?: number;
  failure?: { reason: string; message: string };
}

const MAX_MESSAGE = 300;

/** The column's value: null for a single attempt that did not fail (the row says it all). */
export function serializeAttemptLog(attempts: readonly AttemptInput[], finishedAt: number): string | null {
  if (attempts.length === 0 || (attempts.length === 1 && !attempts[0].failure)) return null;
  const entries: Attempt[] = attempts.map((attempt) => ({
    provider: attempt.providerSlug,
    type: attempt.providerType,
    status: attempt.status ?? null,
    durationMs: Math.max(0, (attempt.endedAt ?? finishedAt) - attempt.startedAt),
    failure: attempt.failure ? { reason: attempt.failure.reason, message: attempt.failure.message.slice(0, MAX_MESSAGE) } : null,
  }));
  return JSON.stringify(entries);
}

/** The stored log, or null when absent or unreadable (an older or hand-edited row). */
export function parseAttemptLog(text: string | null): Attempt[] | null {
  if (!text) return null;
  try {
    const parsed = z.array(attemptSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
