// Row conditions for the request log's filters (filter-schemas.ts). Each one is
// an equality or range on an indexed column, so a filtered page is still read
// by index in time order.
import type { Prisma } from "../generated/prisma/client";
import type { StatusClass } from "./filter-schemas";

export interface UsageFilters {
  /** One request by its id (the detail view; not a query parameter). */
  id?: string;
  member?: string;
  provider?: string;
  route?: string;
  model?: string;
  status?: StatusClass;
  error?: string;
  streamed?: "true" | "false" | boolean;
  search?: string;
}

const STATUS_RANGES: Record<StatusClass, Prisma.IntFilter> = {
  success: { lt: 400 },
  error: { gte: 400 },
  "4xx": { gte: 400, lt: 500 },
  "5xx": { gte: 500 },
};

export function usageFilterConditions(filters: UsageFilters): Prisma.UsageRecordWhereInput[] {
  const conditions: Prisma.UsageRecordWhereInput[] = [];
  if (filters.id) conditions.push({ id: filters.id });
  if (filters.member) conditions.push({ membershipId: filters.member === "none" ? null : filters.member });
  if (filters.provider) conditions.push({ providerSlug: filters.provider });
  if (filters.route) conditions.push({ route: filters.route });
  if (filters.model) conditions.push({ model: filters.model });
  if (filters.status) conditions.push({ status: STATUS_RANGES[filters.status] });
  if (filters.error) conditions.push({ errorCode: filters.error });
  if (filters.streamed !== undefined) conditions.push({ streamed: filters.streamed === true || filters.streamed === "true" });
  if (filters.search) {
    // Request ids are UUIDs and trace ids hex; people paste them in any case.
    const needle = filters.search.trim();
    conditions.push({ OR: [{ id: needle }, { id: needle.toLowerCase() }, { traceId: needle.toLowerCase() }, { traceId: needle }] });
  }
  return conditions;
}

/** The page condition after a cursor, in the page's order. */
export function afterCursor(after: { time: Date; id: string }, order: "newest" | "oldest"): Prisma.UsageRecordWhereInput {
  const beyond = order === "oldest" ? "gt" : "lt";
  return { OR: [{ time: { [beyond]: after.time } }, { time: after.time, id: { [beyond]: after.id } }] };
}
