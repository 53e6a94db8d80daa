// The main thread's side of the SQLite writer thread (sqlite-worker.mjs): each
// call posts one operation and resolves with its result. The worker is
// unref'd so it never keeps a finished process alive.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { AcquireLeaseArgs, HotPathDatabase, SettleLeaseArgs, SettleLeaseResult, UsageBatch } from "./types";

const WORKER_FILE = "sqlite-worker.mjs";

/** Next's bundle moves this module; the worker file stays in the source tree, which the process runs from. */
function workerPath(): string {
  const beside = typeof import.meta.dirname === "string" ? path.join(import.meta.dirname, WORKER_FILE) : "";
  return beside && existsSync(beside) ? beside : path.join(process.cwd(), "lib", "hot-path-db", WORKER_FILE);
}

export class HotPathDatabaseError extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class SqliteHotPath implements HotPathDatabase {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(file: string, busyTimeoutMs = 5_000) {
    this.worker = new Worker(workerPath(), { workerData: { file, busyTimeoutMs } });
    this.worker.unref();
    this.worker.on("message", (message: { id: number; result?: unknown; error?: { message: string; code: string | null } }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new HotPathDatabaseError(message.error.message, message.error.code));
      else waiting.resolve(message.result);
    });
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => this.failAll(new Error(`The SQLite writer thread exited (${code})`)));
  }

  private call<Result>(op: string, args: unknown): Promise<Result> {
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  acquireLease(args: AcquireLeaseArgs) {
    return this.call<{ granted: bigint; room: bigint }>("acquireLease", args);
  }

  settleLease(args: SettleLeaseArgs) {
    return this.call<SettleLeaseResult>("settleLease", args);
  }

  renewLeases(ids: string[], expiresAt: string) {
    return this.call<number>("renewLeases", { ids, expiresAt });
  }

  releaseExpired(now: string) {
    return this.call<number>("releaseExpired", { now });
  }

  writeUsage(batch: UsageBatch) {
    return this.call<{ inserted: number }>("writeUsage", batch);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
