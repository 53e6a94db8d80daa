// One request of the log for the detail drawer. The item itself comes through
// listUsage (same visibility rule, same fields as the list); the rest is read
// by id from the row and the key, member and project it names.
import { ApiError } from "../api/errors";
import { db } from "../db";
import { parseAttemptLog, type Attempt } from "./attempt-log";
import { costBreakdown } from "./cost-breakdown";
import type { UsageDetail } from "./detail-schemas";
import type { UsageItem } from "./schemas";
import { listUsage } from "./service";
import type { UsageViewer } from "./viewer";

export async function getUsageDetail(viewer: UsageViewer, id: string): Promise<UsageDetail> {
  const { items } = await listUsage(viewer, { id, limit: 1 });
  const item = items[0];
  // A member asking for someone else's request learns nothing, not even that it exists.
  if (!item) throw new ApiError("not_found", "No request with this id in the log");
  const row = await db.usageRecord.findUniqueOrThrow({
    where: { id },
    select: {
      organizationId: true,
      time: true,
      projectId: true,
      operation: true,
      streamed: true,
      estimated: true,
      cacheReadTokens: true,
      cacheWriteTokens: true,
      cacheWrite1hTokens: true,
      reasoningTokens: true,
      inputAudioTokens: true,
      cacheAudioReadTokens: true,
      outputAudioTokens: true,
      costMicros: true,
      errorMessage: true,
      attemptLog: true,
    },
  });
  const [key, membership, project, breakdown] = await Promise.all([
    item.keyId ? db.apiKey.findFirst({ where: { id: item.keyId, organizationId: row.organizationId }, select: { name: true } }) : null,
    item.memberId
      ? db.membership.findFirst({ where: { id: item.memberId, organizationId: row.organizationId }, select: { id: true, user: { select: { email: true, name: true } } } })
      : null,
    row.projectId ? db.project.findFirst({ where: { id: row.projectId, organizationId: row.organizationId }, select: { name: true } }) : null,
    costBreakdown({ ...row, providerSlug: item.provider, model: item.model, inputTokens: item.inputTokens, outputTokens: item.outputTokens }),
  ]);
  return {
    item,
    operation: row.operation,
    streamed: row.streamed,
    estimated: row.estimated,
    cacheReadTokens: row.cacheReadTokens,
    cacheWriteTokens: row.cacheWriteTokens,
    errorMessage: row.errorMessage,
    keyName: key?.name ?? null,
    projectName: project?.name ?? null,
    member: membership ? { id: membership.id, email: membership.user.email, name: membership.user.name } : null,
    attemptLog: parseAttemptLog(row.attemptLog) ?? singleAttempt(item),
    costBreakdown: breakdown,
  };
}

/** Rows without a stored log had at most one attempt that did not fail over: the row describes it. */
function singleAttempt(item: UsageItem): Attempt[] {
  if (item.attempts === 0 || !item.provider) return [];
  return [{ provider: item.provider, type: null, status: item.status, durationMs: item.latencyMs, failure: null }];
}
