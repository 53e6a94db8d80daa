// Usage records leave the request path through an in-memory queue written in
// batches (one INSERT of many rows plus the hourly rollups), so a request never
// waits on the database to be metered. drain() flushes everything on shutdown.
import { db } from "@/lib/db";
import { applyUsageToRollups } from "@/lib/spending/rollups";

export interface UsageRecordInput {
  id: string;
  time: Date;
  organizationId: string;
  projectId: string | null;
  apiKeyId: string | null;
  membershipId: string | null;
  providerSlug: string | null;
  route: string | null;
  model: string | null;
  operation: string | null;
  status: number;
  streamed: boolean;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costMicros: bigint;
  estimated: boolean;
  latencyMs: number;
  ttfbMs: number | null;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  traceId: string | null;
}

const FLUSH_INTERVAL_MS = 200;
const MAX_BATCH = 500;

type UsageListener = (record: UsageRecordInput) => void;

class UsageWriter {
  private queue: UsageRecordInput[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<UsageListener>();

  record(record: UsageRecordInput): void {
    this.queue.push(record);
    for (const listener of this.listeners) listener(record);
    if (this.queue.length >= MAX_BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** Observe records as they are produced (telemetry export hooks in here). */
  onRecord(listener: UsageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Chain flushes so batches are written one after another, never interleaved.
    this.flushing = this.flushing.then(() => this.writeQueued());
    return this.flushing;
  }

  pending(): number {
    return this.queue.length;
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      await writeWithRetries(batch);
    }
  }
}

/** Records and their rollups land together or not at all, so a retry never counts twice. */
async function writeBatch(batch: UsageRecordInput[]): Promise<void> {
  await db.$transaction(async (transaction) => {
    await transaction.usageRecord.createMany({ data: batch });
    await applyUsageToRollups(transaction, batch);
  });
  await touchKeys(batch);
}

/** A busy database gets retried; a batch that keeps failing is split so one bad row cannot hold back the rest. */
async function writeWithRetries(batch: UsageRecordInput[]): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await writeBatch(batch);
    } catch (error) {
      console.error(`[metering] writing ${batch.length} usage records failed (attempt ${attempt})`, error);
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
  if (batch.length === 1) {
    console.error("[metering] dropping a usage record that cannot be written:", batch[0].id);
    return;
  }
  for (const record of batch) await writeWithRetries([record]);
}

async function touchKeys(batch: UsageRecordInput[]): Promise<void> {
  const lastUse = new Map<string, Date>();
  for (const record of batch) {
    if (record.apiKeyId) lastUse.set(record.apiKeyId, record.time);
  }
  for (const [id, time] of lastUse) {
    await db.apiKey.updateMany({ where: { id }, data: { lastUsedAt: time } });
  }
}

const globalForMetering = globalThis as unknown as { gatewayUsageWriter?: UsageWriter };
export const usageWriter: UsageWriter = (globalForMetering.gatewayUsageWriter ??= new UsageWriter());
