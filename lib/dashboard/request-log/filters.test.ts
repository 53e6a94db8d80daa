import { describe, expect, it } from "vitest";
import { activeFilterCount, DEFAULT_FILTERS, filtersToSearch, parseFilters, usageQuery } from "./filters";
import { DEFAULT_COLUMNS, parseColumns, toggleColumn } from "./columns";

const NOW = new Date("2026-03-10T12:00:00.000Z");

describe("request log filters", () => {
  it("round-trips through the page URL, keeping only what differs from the defaults", () => {
    const filters = { ...DEFAULT_FILTERS, period: "7d" as const, provider: "openai", status: "4xx" as const, streamed: "true" as const };
    const search = filtersToSearch(filters);
    expect(search).toBe("period=7d&provider=openai&status=4xx&streamed=true");
    expect(parseFilters(new URLSearchParams(search))).toEqual(filters);
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe("");
  });

  it("ignores values it does not know", () => {
    expect(parseFilters({ period: "1y", status: "teapot", streamed: "maybe", model: ["gpt-4o", "other"] })).toEqual({ ...DEFAULT_FILTERS, model: "gpt-4o" });
  });

  it("builds the API query for a page: period as from, filters, cursor", () => {
    const filters = { ...DEFAULT_FILTERS, period: "1h" as const, key: "k1", error: "spending_limit_exceeded" };
    expect(Object.fromEntries(new URLSearchParams(usageQuery(filters, { limit: 50, cursor: "abc", now: NOW })))).toEqual({
      limit: "50",
      cursor: "abc",
      from: "2026-03-10T11:00:00.000Z",
      key: "k1",
      error: "spending_limit_exceeded",
    });
    expect(usageQuery({ ...DEFAULT_FILTERS, period: "all" }, { limit: 10, now: NOW })).toBe("limit=10");
  });

  it("searches by id across all time and without the other filters", () => {
    const filters = { ...DEFAULT_FILTERS, provider: "openai", search: "trace-1" };
    expect(usageQuery(filters, { limit: 50, now: NOW })).toBe("limit=50&search=trace-1");
    expect(activeFilterCount(filters)).toBe(2);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, period: "all" })).toBe(0);
  });
});

describe("request log columns", () => {
  it("reads a stored choice in table order, always with the time, dropping unknown ids", () => {
    expect(parseColumns(JSON.stringify(["cost", "bogus", "model"]))).toEqual(["time", "model", "cost"]);
    expect(parseColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns("{not json")).toEqual(DEFAULT_COLUMNS);
  });

  it("toggles a column but never the time", () => {
    expect(toggleColumn(["time", "cost"], "model")).toEqual(["time", "model", "cost"]);
    expect(toggleColumn(["time", "model", "cost"], "model")).toEqual(["time", "cost"]);
    expect(toggleColumn(["time"], "time")).toEqual(["time"]);
  });
});
