// A small map with per-entry expiry and in-flight de-duplication: concurrent
// misses for one key share one load. Cleared whenever configuration changes.
import { onConfigChange } from "./config-epoch";

interface Entry<Value> {
  value: Promise<Value>;
  expiresAt: number;
}

export class TtlCache<Value> {
  private readonly entries = new Map<string, Entry<Value>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {
    onConfigChange(() => this.clear());
  }

  get(key: string, load: () => Promise<Value>): Promise<Value> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    // A failed load must not be remembered.
    value.catch(() => this.entries.delete(key));
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
