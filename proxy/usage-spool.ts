// Usage records the database cannot take yet (locked, read-only, down) wait
// on disk, in order, and are replayed when it comes back — and by the next
// start after a crash. Writes are idempotent (a record already stored is
// skipped, rollups count only what was inserted), so a file replayed twice,
// or by two processes, never counts twice.
//
// Files are per process (usage-<pid>-<token>.jsonl). A process replays its own
// files and those whose process is no longer running. The write-ahead journals
// of dead processes (journal-<pid>-<token>.jsonl, see usage-journal.ts) replay
// after every spool file, so a final record always wins over a provisional one.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { appendFile, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { decodeProvisionalLine } from "./usage-journal";
import { prepareUsage, type PreparedUsage } from "./usage-rows";

const FILE_PATTERN = /^(usage|replaying|journal|replaying-journal)-(\d+)-[0-9a-f]+\.jsonl$/;

const encodeBigInt = (_key: string, value: unknown) => (typeof value === "bigint" ? { $bigint: value.toString() } : value);
const decodeBigInt = (_key: string, value: unknown) =>
  value && typeof value === "object" && "$bigint" in value ? BigInt((value as { $bigint: string }).$bigint) : value;

/** One record as a spool (or journal) line. */
export function encodeSpoolLine(record: PreparedUsage): string {
  return JSON.stringify(record, encodeBigInt) + "\n";
}

/** A spool line (a prepared record) or a journal line (a compact provisional record, usage-journal.ts). */
function decodeLine(line: string, file: string): PreparedUsage[] {
  try {
    return [line.startsWith("[") ? prepareUsage(decodeProvisionalLine(line)) : (JSON.parse(line, decodeBigInt) as PreparedUsage)];
  } catch (error) {
    // Only a write cut short by a power loss leaves such a line; the rest of the file is still good.
    console.error(`[metering] skipping an unreadable line of ${path.basename(file)}: ${(error as Error).message}`);
    return [];
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class UsageSpool {
  private currentFile: string;
  private bytes = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly directory: string,
    private readonly maxBytes: number,
    /** True for a journal file this process is still writing. */
    private readonly isLiveJournal: (file: string) => boolean = () => false,
  ) {
    this.currentFile = this.newFileName();
  }

  private newFileName(): string {
    return path.join(this.directory, `usage-${process.pid}-${randomBytes(4).toString("hex")}.jsonl`);
  }

  /** True once the spool holds as much as it may: the proxy then refuses new requests rather than lose records. */
  get full(): boolean {
    return this.bytes >= this.maxBytes;
  }

  /** Bytes waiting in this process's spool files. */
  get pendingBytes(): number {
    return this.bytes;
  }

  append(records: PreparedUsage[]): Promise<void> {
    const text = records.map(encodeSpoolLine).join("");
    this.writing = this.writing.then(async () => {
      mkdirSync(this.directory, { recursive: true });
      await appendFile(this.currentFile, text, { mode: 0o600 });
      this.bytes += Buffer.byteLength(text);
    });
    return this.writing;
  }

  /** Files waiting to be replayed by this process: its own, and those of processes that died. */
  private claimFiles(): string[] {
    if (!existsSync(this.directory)) return [];
    const claimed: Array<{ file: string; journal: boolean }> = [];
    for (const name of readdirSync(this.directory).sort()) {
      const match = FILE_PATTERN.exec(name);
      if (!match) continue;
      const kind = match[1];
      const pid = Number(match[2]);
      const full = path.join(this.directory, name);
      const journal = kind.endsWith("journal");
      if (kind.startsWith("replaying") && pid === process.pid) {
        claimed.push({ file: full, journal });
        continue;
      }
      if (pid !== process.pid && processAlive(pid)) continue;
      if (journal && this.isLiveJournal(full)) continue;
      const target = path.join(this.directory, `replaying${journal ? "-journal" : ""}-${process.pid}-${randomBytes(4).toString("hex")}.jsonl`);
      try {
        renameSync(full, target); // atomic: whoever renames first replays it
        claimed.push({ file: target, journal });
      } catch {
        // Another process claimed it first.
      }
    }
    // Spool files in the order they were written, then journals.
    const order = (entry: { file: string; journal: boolean }) => (entry.journal ? 1e15 : 0) + statSync(entry.file).mtimeMs;
    return claimed.sort((left, right) => order(left) - order(right)).map((entry) => entry.file);
  }

  /**
   * Replay every claimable file in order through `write` (in batches); a file
   * is deleted once all of it is stored. Resolves false if the database
   * refused again (what is left stays for the next attempt).
   */
  async replay(write: (batch: PreparedUsage[]) => Promise<void>, batchSize: number): Promise<boolean> {
    await this.writing;
    if (this.bytes > 0) this.currentFile = this.newFileName(); // new failures go to a fresh file while this one replays
    for (const file of this.claimFiles()) {
      const text = await readFile(file, "utf8");
      const records = text.split("\n").filter(Boolean).flatMap((line) => decodeLine(line, file));
      try {
        for (let start = 0; start < records.length; start += batchSize) await write(records.slice(start, start + batchSize));
      } catch {
        return false;
      }
      await unlink(file);
    }
    this.bytes = 0;
    return true;
  }
}
