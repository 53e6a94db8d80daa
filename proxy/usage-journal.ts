// Write-ahead of usage. Final usage records reach the database in batches
// every 200 ms, so a process killed with SIGKILL would lose the records of
// every request in flight — requests that reached the upstream and may have
// cost money. Before its first upstream call each request therefore appends a
// provisional record (status 502, error `interrupted`, usage estimated from the
// request) to this process's journal file, with one synchronous write.
//
// A later start (or any process's spool replay) claims the journals of dead
// processes and writes their provisional records like spool records: writes
// skip ids already stored, so only the requests whose final record never
// arrived appear, as `interrupted`. Journal files rotate every few seconds and
// are deleted once every request begun in them has its final record written
// (to the database or the spool).
//
// Every request pays for its journal line, so the line is a compact JSON
// array of the few fields a provisional record does not share with every
// other (no object keys, no BigInt replacer); the full record is built only
// when a dead process's journal is replayed.
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import type { UsageRecordInput } from "@/lib/usage/types";

/** What a request that may die before its final record writes ahead. */
export interface ProvisionalUsage {
  id: string;
  startedAt: number;
  organizationId: string;
  projectId: string | null;
  apiKeyId: string | null;
  membershipId: string | null;
  providerSlug: string | null;
  route: string | null;
  model: string | null;
  operation: string | null;
  streamed: boolean;
  /** Estimated from the request's size: nothing was delivered yet. */
  inputTokens: number;
  costMicros: bigint;
  traceId: string | null;
}

const LINE_VERSION = 1;
const INTERRUPTED_MESSAGE = "The gateway process stopped before this request finished; usage estimated from the request";

export function encodeProvisionalLine(usage: ProvisionalUsage): string {
  return (
    JSON.stringify([
      LINE_VERSION,
      usage.id,
      usage.startedAt,
      usage.organizationId,
      usage.projectId,
      usage.apiKeyId,
      usage.membershipId,
      usage.providerSlug,
      usage.route,
      usage.model,
      usage.operation,
      usage.streamed,
      usage.inputTokens,
      usage.costMicros.toString(),
      usage.traceId,
    ]) + "\n"
  );
}

/** A journal line back as the record it stands for: a 502 `interrupted`, usage estimated. */
export function decodeProvisionalLine(line: string): UsageRecordInput {
  const fields = JSON.parse(line) as unknown[];
  if (fields[0] !== LINE_VERSION) throw new Error(`unknown journal line version ${String(fields[0])}`);
  const [, id, startedAt, organizationId, projectId, apiKeyId, membershipId, providerSlug, route, model, operation, streamed, inputTokens, cost, traceId] =
    fields as [number, string, number, string, string | null, string | null, string | null, string | null, string | null, string | null, string | null, boolean, number, string, string | null];
  return {
    id,
    time: new Date(startedAt),
    organizationId,
    projectId,
    apiKeyId,
    membershipId,
    providerSlug,
    route,
    model,
    operation,
    status: 502,
    streamed,
    inputTokens,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    reasoningTokens: 0,
    inputAudioTokens: 0,
    cacheAudioReadTokens: 0,
    outputAudioTokens: 0,
    audioMilliseconds: 0,
    costMicros: BigInt(cost),
    estimated: true,
    latencyMs: 0,
    ttfbMs: null,
    attempts: 1,
    attemptLog: null,
    errorCode: "interrupted",
    errorMessage: INTERRUPTED_MESSAGE,
    traceId,
  };
}

const ROTATE_MS = 5_000;

interface JournalFile {
  file: string;
  descriptor: number | null;
  /** Requests begun in this file whose final record is not yet durable. */
  open: number;
}

export class UsageJournal {
  private readonly files = new Map<number, JournalFile>();
  private generation = 0;
  private rotatedAt = 0;

  constructor(private readonly directory: string) {}

  /** Notes a request as begun; returns the ticket to hand to release() once its final record is durable. */
  begin(provisional: ProvisionalUsage): number {
    const current = this.current();
    writeSync(current.descriptor!, encodeProvisionalLine(provisional));
    current.open++;
    return this.generation;
  }

  release(ticket: number): void {
    const entry = this.files.get(ticket);
    if (!entry) return;
    entry.open--;
    if (entry.open <= 0 && ticket !== this.generation) this.remove(ticket, entry);
  }

  /** Whether a journal file is one this process is still writing (never replayed while it lives). */
  owns(file: string): boolean {
    for (const entry of this.files.values()) if (entry.file === file) return true;
    return false;
  }

  private current(): JournalFile {
    const now = Date.now();
    const entry = this.files.get(this.generation);
    if (entry && now - this.rotatedAt < ROTATE_MS) return entry;
    if (entry) {
      closeSync(entry.descriptor!);
      entry.descriptor = null;
      if (entry.open <= 0) this.remove(this.generation, entry);
    }
    mkdirSync(this.directory, { recursive: true });
    const file = path.join(this.directory, `journal-${process.pid}-${randomBytes(4).toString("hex")}.jsonl`);
    const next: JournalFile = { file, descriptor: openSync(file, "a", 0o600), open: 0 };
    this.generation++;
    this.rotatedAt = now;
    this.files.set(this.generation, next);
    return next;
  }

  private remove(ticket: number, entry: JournalFile): void {
    if (entry.descriptor !== null) closeSync(entry.descriptor);
    this.files.delete(ticket);
    try {
      unlinkSync(entry.file);
    } catch {
      // Already gone.
    }
  }

  /** At a clean shutdown, once every final record is durable: nothing is left to recover. */
  close(): void {
    for (const [ticket, entry] of [...this.files]) if (entry.open <= 0) this.remove(ticket, entry);
  }
}
