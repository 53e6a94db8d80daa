// The request log's columns: which exist, which show by default, and the
// user's choice as kept in localStorage (a list of ids; anything unknown is dropped).
export const LOG_COLUMNS = [
  { id: "time", label: "Time", always: true },
  { id: "requestId", label: "Request id" },
  { id: "model", label: "Model" },
  { id: "route", label: "Provider / route" },
  { id: "status", label: "Status" },
  { id: "project", label: "Project" },
  { id: "key", label: "Key" },
  { id: "member", label: "Member" },
  { id: "tokens", label: "Tokens in → out" },
  { id: "cost", label: "Cost" },
  { id: "latency", label: "Latency" },
  { id: "ttfb", label: "Time to first byte" },
  { id: "attempts", label: "Attempts" },
  { id: "trace", label: "Trace" },
] as const;

export type LogColumnId = (typeof LOG_COLUMNS)[number]["id"];

export const DEFAULT_COLUMNS: readonly LogColumnId[] = ["time", "model", "route", "status", "key", "tokens", "cost", "latency", "trace"];

export const COLUMNS_STORAGE_KEY = "gateway.requestLog.columns";

const KNOWN = new Set<string>(LOG_COLUMNS.map((column) => column.id));

/** The stored choice, in the table's order, always with the time; the defaults when nothing valid is stored. */
export function parseColumns(stored: string | null): LogColumnId[] {
  if (!stored) return [...DEFAULT_COLUMNS];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [...DEFAULT_COLUMNS];
    const chosen = new Set(value.filter((id): id is string => typeof id === "string" && KNOWN.has(id)));
    chosen.add("time");
    return LOG_COLUMNS.map((column) => column.id).filter((id) => chosen.has(id));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

/** Shows or hides one column (the time always stays), keeping the table's order. */
export function toggleColumn(current: readonly LogColumnId[], id: LogColumnId): LogColumnId[] {
  if (id === "time") return [...current];
  const chosen = new Set(current);
  if (chosen.has(id)) chosen.delete(id);
  else chosen.add(id);
  return LOG_COLUMNS.map((column) => column.id).filter((candidate) => chosen.has(candidate));
}
