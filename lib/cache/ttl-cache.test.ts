import { describe, expect, it, vi } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("shares one load between concurrent misses and serves hits until expiry", async () => {
    vi.useFakeTimers();
    try {
      const cache = new TtlCache<number>(1_000);
      const load = vi.fn(async () => 7);
      const [first, second] = await Promise.all([cache.get("a", load), cache.get("a", load)]);
      expect([first, second, load.mock.calls.length]).toEqual([7, 7, 1]);
      vi.advanceTimersByTime(999);
      await cache.get("a", load);
      expect(load).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(2);
      await cache.get("a", load);
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("forgets a failed load", async () => {
    const cache = new TtlCache<number>(60_000);
    await expect(cache.get("a", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("a", async () => 3)).toBe(3);
  });

  it("when full, evicts the least recently used entry rather than everything", async () => {
    const cache = new TtlCache<string>(60_000, 3);
    for (const name of ["a", "b", "c"]) await cache.get(name, async () => name);
    await cache.get("a", async () => "reloaded"); // a is now the most recent
    await cache.get("d", async () => "d"); // evicts b only
    const loads: string[] = [];
    for (const name of ["a", "c", "d", "b"]) await cache.get(name, async () => (loads.push(name), name));
    expect(loads).toEqual(["b"]);
  });
});
