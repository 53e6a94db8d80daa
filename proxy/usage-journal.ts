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
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { encodeSpoolLine } from "./usage-spool";
import type { PreparedUsage } from "./usage-rows";

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
  begin(provisional: PreparedUsage): number {
    const current = this.current();
    writeSync(current.descriptor!, encodeSpoolLine(provisional));
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
