// The request log (GET /api/v1/usage): UsageRecord rows, newest first, paged
// by an opaque (time, id) cursor.
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { microsToUsd } from "../money";
import { decodeCursor, encodeCursor } from "./cursor";
import { USAGE_PAGE_DEFAULT, USAGE_PAGE_MAX, type UsageItem, type UsagePage } from "./schemas";
import { afterCursor, usageFilterConditions, type UsageFilters } from "./filters";
import { parseInstant } from "./time-range";
import { visibleUsageFilter, type UsageViewer } from "./viewer";

export interface ListUsageOptions extends UsageFilters {
  /** newest first (default), or oldest first. */
  order?: "newest" | "oldest";
  limit?: number;
  cursor?: string;
  /** ISO instant or Date; inclusive. */
  from?: string | Date;
  /** ISO instant or Date; exclusive. */
  to?: string | Date;
  /** An API key id. */
  key?: string;
  /** A project slug. */
  project?: string;
}

const EMPTY_PAGE: UsagePage = { items: [], nextCursor: null };

export async function listUsage(viewer: UsageViewer, options: ListUsageOptions = {}): Promise<UsagePage> {
  const visible = visibleUsageFilter(viewer);
  if (!visible) return EMPTY_PAGE;
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? USAGE_PAGE_DEFAULT), 1), USAGE_PAGE_MAX);
  const conditions: Prisma.UsageRecordWhereInput[] = [visible];
  const order = options.order ?? "newest";

  const from = toDate(options.from);
  const to = toDate(options.to);
  if (from || to) conditions.push({ time: { ...(from && { gte: from }), ...(to && { lt: to }) } });
  if (options.key) conditions.push({ apiKeyId: options.key });
  conditions.push(...usageFilterConditions(options));
  if (options.project) {
    const project = await db.project.findUnique({
      where: { organizationId_slug: { organizationId: viewer.organizationId, slug: options.project } },
      select: { id: true },
    });
    // A filter naming no project of this organization matches nothing (it is a filter, not a lookup).
    if (!project) return EMPTY_PAGE;
    conditions.push({ projectId: project.id });
  }
  if (options.cursor) {
    const after = decodeCursor(options.cursor);
    conditions.push(afterCursor(after, order));
  }

  const rows = await db.usageRecord.findMany({
    where: { AND: conditions },
    orderBy: order === "oldest" ? [{ time: "asc" }, { id: "asc" }] : [{ time: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      time: true,
      apiKeyId: true,
      projectId: true,
      membershipId: true,
      providerSlug: true,
      route: true,
      model: true,
      status: true,
      inputTokens: true,
      outputTokens: true,
      cacheReadTokens: true,
      cacheWriteTokens: true,
      cacheWrite1hTokens: true,
      reasoningTokens: true,
      inputAudioTokens: true,
      outputAudioTokens: true,
      audioMilliseconds: true,
      costMicros: true,
      estimated: true,
      latencyMs: true,
      ttfbMs: true,
      attempts: true,
      errorCode: true,
      errorMessage: true,
      traceId: true,
    },
  });
  const page = rows.slice(0, limit);
  const projectSlugs = await slugsOfProjects(viewer.organizationId, page.map((row) => row.projectId));

  const items: UsageItem[] = page.map((row) => ({
    id: row.id,
    time: row.time.toISOString(),
    keyId: row.apiKeyId,
    project: row.projectId ? (projectSlugs.get(row.projectId) ?? null) : null,
    memberId: row.membershipId,
    provider: row.providerSlug,
    route: row.route,
    model: row.model,
    status: row.status,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cacheReadTokens: row.cacheReadTokens,
    cacheWriteTokens: row.cacheWriteTokens,
    cacheWrite5mTokens: Math.max(0, row.cacheWriteTokens - row.cacheWrite1hTokens),
    cacheWrite1hTokens: row.cacheWrite1hTokens,
    reasoningTokens: row.reasoningTokens,
    inputAudioTokens: row.inputAudioTokens,
    outputAudioTokens: row.outputAudioTokens,
    audioSeconds: row.audioMilliseconds / 1000,
    costUsd: microsToUsd(row.costMicros),
    estimated: row.estimated,
    latencyMs: row.latencyMs,
    ttfbMs: row.ttfbMs,
    attempts: row.attempts,
    error: row.errorCode ?? row.errorMessage,
    traceId: row.traceId,
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ time: last.time, id: last.id }) : null };
}

async function slugsOfProjects(organizationId: string, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const projects = await db.project.findMany({ where: { organizationId, id: { in: wanted } }, select: { id: true, slug: true } });
  return new Map(projects.map((project) => [project.id, project.slug]));
}

function toDate(value: string | Date | undefined): Date | undefined {
  return value instanceof Date ? value : parseInstant(value);
}
