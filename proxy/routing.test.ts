import { describe, expect, it } from "vitest";
import { orderMembers, shouldFailover } from "./routing";

const member = (name: string, priority: number, weight: number) => ({ name, priority, weight });

describe("orderMembers", () => {
  it("tries higher priorities first and weight-0 members last within their priority", () => {
    const order = orderMembers([member("low", 1, 1), member("backup", 5, 0), member("main", 5, 3)]);
    expect(order.map((entry) => entry.name)).toEqual(["main", "backup", "low"]);
  });

  it("spreads first attempts by weight within a priority", () => {
    const members = [member("a", 0, 3), member("b", 0, 1)];
    const firstCounts = { a: 0, b: 0 };
    for (let run = 0; run < 4000; run++) firstCounts[orderMembers(members)[0].name as "a" | "b"]++;
    // Expected 3000 / 1000; five standard deviations is about ±137.
    expect(firstCounts.a).toBeGreaterThan(2850);
    expect(firstCounts.a).toBeLessThan(3150);
  });

  it("never repeats a member", () => {
    const members = [member("a", 0, 1), member("b", 0, 1), member("c", 0, 1)];
    for (let run = 0; run < 100; run++) expect(new Set(orderMembers(members).map((entry) => entry.name)).size).toBe(3);
  });
});

describe("shouldFailover", () => {
  it("fails over on 408, 409, 429 and 5xx only", () => {
    expect([408, 409, 429, 500, 502, 503, 529].every(shouldFailover)).toBe(true);
    expect([400, 401, 403, 404, 413, 422].some(shouldFailover)).toBe(false);
  });
});
