import { describe, expect, it } from "vitest";
import { sumUsd } from "./money-sum";
import { OTHER_KEY, topWithOther } from "./top-n";

const rows = [
  { id: "a", label: "A", costUsd: 0.1, requests: 1 },
  { id: "b", label: "B", costUsd: 5, requests: 2 },
  { id: null, label: "No project", costUsd: 0.2, requests: 40 },
  { id: "c", label: "C", costUsd: 1, requests: 3 },
];

describe("topWithOther", () => {
  it("keeps every row, sorted, when they fit", () => {
    expect(topWithOther(rows, 4).map((row) => row.label)).toEqual(["B", "C", "No project", "A"]);
    expect(topWithOther(rows, 10).every((row) => !row.isOther)).toBe(true);
  });

  it("merges the rest into Other with exact money so the total is unchanged", () => {
    const top = topWithOther(rows, 2);
    expect(top.map((row) => row.label)).toEqual(["B", "C", "Other (2)"]);
    expect(top[2]).toMatchObject({ key: OTHER_KEY, isOther: true, requests: 41, costUsd: 0.3 });
    expect(sumUsd(top.map((row) => row.costUsd))).toBe(sumUsd(rows.map((row) => row.costUsd)));
  });

  it("ranks by requests when asked, and gives rows without id a stable key", () => {
    const top = topWithOther(rows, 1, "requests");
    expect(top[0]).toMatchObject({ label: "No project", key: "none:No project" });
    expect(top[1]).toMatchObject({ label: "Other (3)", requests: 6 });
  });

  it("handles no rows", () => {
    expect(topWithOther([], 5)).toEqual([]);
  });
});
