// Reading the audit log: newest first, with the actor's email resolved.
import { z } from "zod";
import { db } from "../db";
import { defineOperation } from "../api/operation";

export const auditLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime({ offset: true, message: "before must be an ISO date-time" }).optional(),
});

const auditEntrySchema = z.object({
  id: z.string(),
  time: z.string(),
  action: z.string(),
  actor: z.string().describe("the user's email, a management token's name, or 'admin token'"),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.unknown().nullable(),
});

export const listAuditLogOperation = defineOperation({
  method: "GET",
  path: "/api/v1/audit-log",
  summary: "The audit log of management changes, newest first",
  tag: "Audit log",
  admin: true,
  query: auditLogQuerySchema,
  response: z.object({ items: z.array(auditEntrySchema), nextBefore: z.string().nullable() }),
});

export async function listAuditLog(organizationId: string, query: z.infer<typeof auditLogQuerySchema>) {
  const rows = await db.auditLog.findMany({
    where: { organizationId, ...(query.before ? { createdAt: { lt: new Date(query.before) } } : {}) },
    orderBy: { createdAt: "desc" },
    take: query.limit,
  });
  const userIds = [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const tokenIds = [...new Set(rows.flatMap((row) => (row.actorTokenId ? [row.actorTokenId] : [])))];
  const [users, tokens] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
    db.managementToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true } }),
  ]);
  const emailById = new Map(users.map((user) => [user.id, user.email]));
  const tokenNameById = new Map(tokens.map((token) => [token.id, token.name]));
  const items = rows.map((row) => ({
    id: row.id,
    time: row.createdAt.toISOString(),
    action: row.action,
    actor: row.actorTokenId
      ? `token ${tokenNameById.get(row.actorTokenId) ?? row.actorTokenId}`
      : row.actorUserId
        ? (emailById.get(row.actorUserId) ?? row.actorUserId)
        : "admin token",
    targetType: row.targetType,
    targetId: row.targetId,
    details: row.details ? (JSON.parse(row.details) as unknown) : null,
  }));
  return { items, nextBefore: rows.length === query.limit ? rows.at(-1)!.createdAt.toISOString() : null };
}
