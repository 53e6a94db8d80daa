// Hourly rollups (UsageHourly) that the spending charts read instead of the raw
// request log. The metering writer calls applyUsageToRollups right after it
// inserts a batch of UsageRecord rows.
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** The fields of a usage record the rollups count. */
export interface RollupSource {
  time: Date;
  organizationId: string;
  projectId?: string | null;
  apiKeyId?: string | null;
  membershipId?: string | null;
  providerSlug?: string | null;
  model?: string | null;
  status: number;
  inputTokens?: number | null;
  outputTokens?: number | null;
  cacheReadTokens?: number | null;
  cacheWriteTokens?: number | null;
  reasoningTokens?: number | null;
  costMicros?: bigint | null;
  latencyMs?: number | null;
}

/** One UsageHourly row's identity; "" stands for "none" so the unique key matches on SQLite and PostgreSQL. */
export interface RollupKey {
  organizationId: string;
  hour: Date;
  projectId: string;
  apiKeyId: string;
  membershipId: string;
  providerSlug: string;
  model: string;
}

export interface RollupIncrement {
  key: RollupKey;
  requests: number;
  errors: number;
  inputTokens: bigint;
  outputTokens: bigint;
  cacheReadTokens: bigint;
  cacheWriteTokens: bigint;
  reasoningTokens: bigint;
  costMicros: bigint;
  latencyMsSum: bigint;
}

const HOUR_MS = 3_600_000;

export function startOfUtcHour(time: Date): Date {
  return new Date(Math.floor(time.getTime() / HOUR_MS) * HOUR_MS);
}

export function rollupKey(record: RollupSource): RollupKey {
  return {
    organizationId: record.organizationId,
    hour: startOfUtcHour(record.time),
    projectId: record.projectId ?? "",
    apiKeyId: record.apiKeyId ?? "",
    membershipId: record.membershipId ?? "",
    providerSlug: record.providerSlug ?? "",
    model: record.model ?? "",
  };
}

function keyText(key: RollupKey): string {
  return JSON.stringify([key.organizationId, key.hour.getTime(), key.projectId, key.apiKeyId, key.membershipId, key.providerSlug, key.model]);
}

/** Records summed per rollup row, so a batch costs one write per (hour, dimensions) it touches. */
export function computeRollupIncrements(records: readonly RollupSource[]): RollupIncrement[] {
  const increments = new Map<string, RollupIncrement>();
  for (const record of records) {
    const key = rollupKey(record);
    const text = keyText(key);
    let increment = increments.get(text);
    if (!increment) {
      increment = {
        key,
        requests: 0,
        errors: 0,
        inputTokens: 0n,
        outputTokens: 0n,
        cacheReadTokens: 0n,
        cacheWriteTokens: 0n,
        reasoningTokens: 0n,
        costMicros: 0n,
        latencyMsSum: 0n,
      };
      increments.set(text, increment);
    }
    increment.requests += 1;
    if (record.status >= 400) increment.errors += 1;
    increment.inputTokens += wholeNumber(record.inputTokens);
    increment.outputTokens += wholeNumber(record.outputTokens);
    increment.cacheReadTokens += wholeNumber(record.cacheReadTokens);
    increment.cacheWriteTokens += wholeNumber(record.cacheWriteTokens);
    increment.reasoningTokens += wholeNumber(record.reasoningTokens);
    increment.costMicros += record.costMicros ?? 0n;
    increment.latencyMsSum += wholeNumber(record.latencyMs);
  }
  return [...increments.values()];
}

function wholeNumber(value: number | null | undefined): bigint {
  return value === null || value === undefined || !Number.isFinite(value) ? 0n : BigInt(Math.round(value));
}

type RollupClient = PrismaClient | Prisma.TransactionClient;

/**
 * Add a batch of usage records to the hourly rollups. Each row is an upsert
 * whose update increments in the database (never read-modify-write), so two
 * batches touching the same hour at once both count. Given the PrismaClient,
 * the whole batch is one transaction; given a transaction client, it joins it.
 */
export async function applyUsageToRollups(client: RollupClient, records: readonly RollupSource[]): Promise<void> {
  // In key order, so two batches lock shared rows in the same order (PostgreSQL would otherwise deadlock).
  const increments = computeRollupIncrements(records).sort((left, right) => compareKeys(left.key, right.key));
  if (increments.length === 0) return;
  for (let attempt = 1; ; attempt++) {
    try {
      if ("$transaction" in client) {
        await client.$transaction(increments.map((increment) => upsertIncrement(client, increment)));
      } else {
        for (const increment of increments) await upsertIncrement(client, increment);
      }
      return;
    } catch (error) {
      // Two writers may both try to create the same new row; the loser retries and then updates it.
      // Inside a caller's transaction the retry is the caller's, since the transaction is already aborted.
      // PostgreSQL may still abort one of two conflicting transactions (P2034): it is retried the same way.
      if (!isRetryable(error) || attempt >= 3 || !("$transaction" in client)) throw error;
    }
  }
}

function upsertIncrement(client: RollupClient, increment: RollupIncrement) {
  const { key } = increment;
  return client.usageHourly.upsert({
    where: { organizationId_hour_projectId_apiKeyId_membershipId_providerSlug_model: key },
    create: {
      ...key,
      requests: increment.requests,
      errors: increment.errors,
      inputTokens: increment.inputTokens,
      outputTokens: increment.outputTokens,
      cacheReadTokens: increment.cacheReadTokens,
      cacheWriteTokens: increment.cacheWriteTokens,
      reasoningTokens: increment.reasoningTokens,
      costMicros: increment.costMicros,
      latencyMsSum: increment.latencyMsSum,
    },
    update: {
      requests: { increment: increment.requests },
      errors: { increment: increment.errors },
      inputTokens: { increment: increment.inputTokens },
      outputTokens: { increment: increment.outputTokens },
      cacheReadTokens: { increment: increment.cacheReadTokens },
      cacheWriteTokens: { increment: increment.cacheWriteTokens },
      reasoningTokens: { increment: increment.reasoningTokens },
      costMicros: { increment: increment.costMicros },
      latencyMsSum: { increment: increment.latencyMsSum },
    },
  });
}

function isRetryable(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : null;
  return code === "P2002" || code === "P2034";
}

function compareKeys(left: RollupKey, right: RollupKey): number {
  const text = (key: RollupKey) => [key.organizationId, key.hour.toISOString(), key.projectId, key.apiKeyId, key.membershipId, key.providerSlug, key.model].join("\u0000");
  const [a, b] = [text(left), text(right)];
  return a < b ? -1 : a > b ? 1 : 0;
}
