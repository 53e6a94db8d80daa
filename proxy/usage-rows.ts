// A usage record in the shape the hot-path writer stores: one explicit column
// list for UsageRecord (a new column is added here and nowhere else on the
// hot path) and what the record adds to its hourly rollup row.
import { sqlTime } from "@/lib/hot-path-db/sql-time";
import { rollupKey } from "@/lib/spending/rollups";
import type { UsageRecordInput } from "@/lib/usage/types";

export const USAGE_TABLE = "UsageRecord";

/** Column name → the record's value, in the database's terms. */
const USAGE_COLUMNS: Record<string, (record: UsageRecordInput) => unknown> = {
  id: (record) => record.id,
  time: (record) => sqlTime(record.time),
  organizationId: (record) => record.organizationId,
  projectId: (record) => record.projectId,
  apiKeyId: (record) => record.apiKeyId,
  membershipId: (record) => record.membershipId,
  providerSlug: (record) => record.providerSlug,
  route: (record) => record.route,
  model: (record) => record.model,
  operation: (record) => record.operation,
  status: (record) => record.status,
  streamed: (record) => record.streamed,
  inputTokens: (record) => record.inputTokens,
  outputTokens: (record) => record.outputTokens,
  cacheReadTokens: (record) => record.cacheReadTokens,
  cacheWriteTokens: (record) => record.cacheWriteTokens,
  costMicros: (record) => record.costMicros,
  estimated: (record) => record.estimated,
  latencyMs: (record) => record.latencyMs,
  ttfbMs: (record) => record.ttfbMs,
  attempts: (record) => record.attempts,
  attemptLog: (record) => record.attemptLog,
  errorCode: (record) => record.errorCode,
  errorMessage: (record) => record.errorMessage,
  traceId: (record) => record.traceId,
  cacheWrite1hTokens: (record) => record.cacheWrite1hTokens,
  reasoningTokens: (record) => record.reasoningTokens,
  inputAudioTokens: (record) => record.inputAudioTokens,
  cacheAudioReadTokens: (record) => record.cacheAudioReadTokens,
  outputAudioTokens: (record) => record.outputAudioTokens,
  audioMilliseconds: (record) => record.audioMilliseconds,
};

export const USAGE_COLUMN_NAMES = Object.keys(USAGE_COLUMNS);

export const ROLLUP_TABLE = "UsageHourly";
export const ROLLUP_KEY_COLUMNS = ["organizationId", "hour", "projectId", "apiKeyId", "membershipId", "providerSlug", "model"] as const;
export const ROLLUP_SUM_COLUMNS = [
  "requests",
  "errors",
  "inputTokens",
  "outputTokens",
  "costMicros",
  "latencyMsSum",
  "cacheReadTokens",
  "cacheWriteTokens",
  "reasoningTokens",
] as const;

/** A record ready to write: its row, its rollup increment, and the key it last used. */
export interface PreparedUsage {
  row: unknown[];
  rollupKey: unknown[];
  rollupSums: bigint[];
  apiKeyId: string | null;
  time: string;
}

export function prepareUsage(record: UsageRecordInput): PreparedUsage {
  const key = rollupKey(record);
  const time = sqlTime(record.time);
  return {
    row: USAGE_COLUMN_NAMES.map((name) => USAGE_COLUMNS[name](record)),
    rollupKey: [key.organizationId, sqlTime(key.hour), key.projectId, key.apiKeyId, key.membershipId, key.providerSlug, key.model],
    rollupSums: [
      1n,
      record.status >= 400 ? 1n : 0n,
      BigInt(record.inputTokens),
      BigInt(record.outputTokens),
      record.costMicros,
      BigInt(Math.max(0, Math.round(record.latencyMs))),
      BigInt(record.cacheReadTokens),
      BigInt(record.cacheWriteTokens),
      BigInt(record.reasoningTokens),
    ],
    apiKeyId: record.apiKeyId,
    time,
  };
}
