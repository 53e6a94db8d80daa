// Latency percentiles by the nearest-rank method: the p-th percentile of n
// sorted values is the value at rank ceil(p/100 · n). The service asks the
// database for the row at that rank, so no latencies are loaded into memory.

/** Zero-based index of the p-th percentile in n ascending values, or null when n is 0. */
export function nearestRankIndex(count: number, percentile: number): number | null {
  if (!Number.isInteger(count) || count <= 0) return null;
  if (!(percentile > 0 && percentile <= 100)) throw new RangeError("percentile must be in (0, 100]");
  return Math.min(Math.max(Math.ceil((percentile / 100) * count), 1), count) - 1;
}

/** The p-th percentile of values (any order); null for none. */
export function percentileOf(values: readonly number[], percentile: number): number | null {
  const index = nearestRankIndex(values.length, percentile);
  if (index === null) return null;
  return [...values].sort((left, right) => left - right)[index];
}
