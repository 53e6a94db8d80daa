// The request log page's filters: read from and written to the page URL (so a
// filtered view can be shared and survives a reload), and turned into the
// query of GET /api/v1/usage. Pure, tested without a browser.
import { STATUS_CLASSES, type StatusClass } from "@/lib/usage/filter-schemas";

export const LOG_PERIODS = ["1h", "24h", "7d", "30d", "90d", "all"] as const;
export type LogPeriod = (typeof LOG_PERIODS)[number];

export const LOG_PERIOD_LABELS: Record<LogPeriod, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  all: "All time",
};

const PERIOD_MS: Record<Exclude<LogPeriod, "all">, number> = {
  "1h": 3_600_000,
  "24h": 24 * 3_600_000,
  "7d": 7 * 24 * 3_600_000,
  "30d": 30 * 24 * 3_600_000,
  "90d": 90 * 24 * 3_600_000,
};

export interface RequestLogFilters {
  period: LogPeriod;
  project: string;
  key: string;
  member: string;
  route: string;
  provider: string;
  model: string;
  status: StatusClass | "";
  error: string;
  streamed: "" | "true" | "false";
  search: string;
}

export const DEFAULT_FILTERS: RequestLogFilters = {
  period: "24h",
  project: "",
  key: "",
  member: "",
  route: "",
  provider: "",
  model: "",
  status: "",
  error: "",
  streamed: "",
  search: "",
};

const TEXT_FIELDS = ["project", "key", "member", "route", "provider", "model", "error", "search"] as const;

/** Filters from the page's query string; unknown values fall back to the defaults. */
export function parseFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): RequestLogFilters {
  const read = (name: string): string => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  const filters: RequestLogFilters = { ...DEFAULT_FILTERS };
  for (const field of TEXT_FIELDS) filters[field] = read(field).slice(0, 200);
  const period = read("period");
  if ((LOG_PERIODS as readonly string[]).includes(period)) filters.period = period as LogPeriod;
  const status = read("status");
  if ((STATUS_CLASSES as readonly string[]).includes(status)) filters.status = status as StatusClass;
  const streamed = read("streamed");
  if (streamed === "true" || streamed === "false") filters.streamed = streamed;
  return filters;
}

/** The page's query string for these filters: only what differs from the defaults. */
export function filtersToSearch(filters: RequestLogFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== DEFAULT_FILTERS[name as keyof RequestLogFilters]) params.set(name, value);
  }
  return params.toString();
}

/** GET /api/v1/usage's query for one page. A search ignores the period: an id names one request whenever it happened. */
export function usageQuery(filters: RequestLogFilters, options: { limit: number; cursor?: string | null; now?: Date }): string {
  const params = new URLSearchParams({ limit: String(options.limit) });
  if (options.cursor) params.set("cursor", options.cursor);
  if (filters.search) {
    params.set("search", filters.search);
    return params.toString();
  }
  if (filters.period !== "all") {
    const now = options.now ?? new Date();
    params.set("from", new Date(now.getTime() - PERIOD_MS[filters.period]).toISOString());
  }
  for (const field of ["project", "key", "member", "route", "provider", "model", "status", "error", "streamed"] as const) {
    if (filters[field]) params.set(field, filters[field]);
  }
  return params.toString();
}

/** How many filters narrow the log (the period aside), for the "Clear filters" button. */
export function activeFilterCount(filters: RequestLogFilters): number {
  return (Object.keys(filters) as Array<keyof RequestLogFilters>).filter((name) => name !== "period" && filters[name] !== DEFAULT_FILTERS[name]).length;
}
