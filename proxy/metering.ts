// Usage records leave the request path through an in-memory queue written in
// batches by the hot-path writer (no ORM: one prepared INSERT per row and one
// upsert per hourly rollup row, in one transaction, off the event loop), so a
// request never waits on the database to be metered. When the database cannot
// take a batch, it waits in the on-disk spool and is replayed in order: a
// record is never dropped. drain() flushes everything on shutdown.
import path from "node:path";
import { env } from "@/lib/env";
import { hotPathDatabase } from "@/lib/hot-path-db";
import { processSingleton } from "@/lib/process-singleton";
import type { UsageRecordInput } from "@/lib/usage/types";
import { UsageJournal, type ProvisionalUsage } from "./usage-journal";
import { UsageSpool } from "./usage-spool";
import {
  prepareUsage,
  ROLLUP_KEY_COLUMNS,
  ROLLUP_SUM_COLUMNS,
  ROLLUP_TABLE,
  USAGE_COLUMN_NAMES,
  USAGE_TABLE,
  type PreparedUsage,
} from "./usage-rows";

export type { UsageRecordInput };

const FLUSH_INTERVAL_MS = 200;
const MAX_BATCH = 500;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

type UsageListener = (record: UsageRecordInput) => void;

async function writePrepared(batch: PreparedUsage[]): Promise<void> {
  const lastUse = new Map<string, string>();
  for (const record of batch) if (record.apiKeyId) lastUse.set(record.apiKeyId, record.time);
  await hotPathDatabase().writeUsage({
    table: USAGE_TABLE,
    columns: USAGE_COLUMN_NAMES,
    rows: batch.map((record) => record.row),
    rollup: {
      table: ROLLUP_TABLE,
      keyColumns: ROLLUP_KEY_COLUMNS,
      sumColumns: ROLLUP_SUM_COLUMNS,
      rows: batch.map((record) => [record.rollupKey, record.rollupSums]),
    },
    keyTouches: [...lastUse],
  });
}

interface Queued {
  record: UsageRecordInput;
  /** The write-ahead journal entry this final record supersedes, released once it is durable. */
  journalTicket: number | null;
}

export class UsageWriter {
  private queue: Queued[] = [];
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = FIRST_RETRY_MS;
  /** Set while records wait in the spool: new ones queue behind them, keeping the order. */
  private spooling = false;
  private flushing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<UsageListener>();

  constructor(
    private readonly spool: UsageSpool,
    private readonly write: (batch: PreparedUsage[]) => Promise<void> = writePrepared,
    private readonly journal: UsageJournal | null = null,
  ) {}

  /**
   * Notes on disk, synchronously, that a request is about to reach an upstream:
   * `provisional` is what gets recorded should this process die before record()
   * (see usage-journal.ts). Returns the ticket to pass to record().
   */
  begin(provisional: ProvisionalUsage): number | null {
    return this.journal ? this.journal.begin(provisional) : null;
  }

  record(record: UsageRecordInput, journalTicket: number | null = null): void {
    this.queue.push({ record, journalTicket });
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

  /** Write what is queued (to the database, or to the spool while it is unavailable). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Chain flushes so batches are written one after another, never interleaved.
    this.flushing = this.flushing.then(() => this.writeQueued());
    return this.flushing;
  }

  /** Replay the spool now (at start: records of a crashed or stopped run). Resolves true when it is empty. */
  replaySpool(): Promise<boolean> {
    let replayed = false;
    this.flushing = this.flushing.then(async () => {
      replayed = await this.spool.replay(this.write, MAX_BATCH);
      if (replayed && this.spooling) console.log("[metering] the database is writable again; spooled usage records are stored");
      this.spooling = !replayed;
    });
    return this.flushing.then(() => replayed);
  }

  pending(): number {
    return this.queue.length;
  }

  /** True when the spool is full: the proxy refuses requests it could not meter. */
  get saturated(): boolean {
    return this.spool.full;
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length) {
      const queued = this.queue.splice(0, MAX_BATCH);
      const batch = queued.map((entry) => prepareUsage(entry.record));
      await this.writeOrSpool(batch);
      for (const entry of queued) if (entry.journalTicket !== null) this.journal?.release(entry.journalTicket);
    }
  }

  private async writeOrSpool(batch: PreparedUsage[]): Promise<void> {
    if (!this.spooling) {
      try {
        await this.write(batch);
        return;
      } catch (error) {
        console.error(`[metering] the database refused ${batch.length} usage records; they wait in the spool:`, (error as Error).message);
        this.spooling = true;
      }
    }
    await this.spool.append(batch);
    this.scheduleReplay();
  }

  /** At a clean stop, after flush(): every final record is durable, so the journal has nothing left to recover. */
  closeJournal(): void {
    this.journal?.close();
  }

  private scheduleReplay(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.replaySpool().then((empty) => {
        this.retryDelayMs = empty ? FIRST_RETRY_MS : Math.min(this.retryDelayMs * 2, MAX_RETRY_MS);
        if (!empty) this.scheduleReplay();
      });
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }
}

/** GATEWAY_SPOOL_DIR, else a spool folder beside the SQLite file (or under the data folder). */
function spoolDirectory(): string {
  const config = env();
  if (config.GATEWAY_SPOOL_DIR) return config.GATEWAY_SPOOL_DIR;
  const url = config.DATABASE_URL;
  if (url.startsWith("file:")) return path.join(path.dirname(path.resolve(url.slice("file:".length))), "spool");
  return path.join(config.GATEWAY_DATA_DIR, "spool");
}

export const usageWriter: UsageWriter = processSingleton("usageWriter", () => {
  const directory = spoolDirectory();
  const journal = new UsageJournal(directory);
  const spool = new UsageSpool(directory, env().GATEWAY_SPOOL_MAX_BYTES, (file) => journal.owns(file));
  return new UsageWriter(spool, writePrepared, journal);
});
