// A bounded cache with per-entry expiry and in-flight de-duplication:
// concurrent misses for one key share one load. Least-recently-used entries
// give way when it is full (a cache cleared whole would make every hot-path
// lookup miss at once). Cleared whenever configuration changes.
import { LRUCache } from "lru-cache";
import { onConfigChange } from "./config-epoch";

export class TtlCache<Value> {
  private readonly entries: LRUCache<string, { value: Promise<Value> }>;

  constructor(ttlMs: number, maxEntries = 50_000) {
    // ttlAutopurge off: expiry is checked on read, no timer per entry.
    // Date.now for time: the same clock the rest of the engine (and fake timers in tests) use.
    this.entries = new LRUCache({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false, updateAgeOnGet: false, perf: Date });
    onConfigChange(() => this.clear());
  }

  get(key: string, load: () => Promise<Value>): Promise<Value> {
    const entry = this.entries.get(key);
    if (entry) return entry.value;
    const value = load();
    const created = { value };
    this.entries.set(key, created);
    // A failed load must not be remembered (unless a newer load replaced it meanwhile).
    value.catch(() => {
      if (this.entries.peek(key) === created) this.entries.delete(key);
    });
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
