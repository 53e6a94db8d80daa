// Append-only audit log of management changes. Never fails the change itself.
import { db } from "./db";
import type { Caller } from "./api/caller";

export async function recordAudit(
  caller: Pick<Caller, "organizationId" | "userId" | "managementTokenId">,
  action: string,
  target?: { type: string; id: string },
  details?: Record<string, unknown>,
): Promise<void> {
  try {
    await db.auditLog.create({
      data: {
        organizationId: caller.organizationId,
        actorUserId: caller.userId,
        actorTokenId: caller.managementTokenId,
        action,
        targetType: target?.type,
        targetId: target?.id,
        details: details ? JSON.stringify(details) : null,
      },
    });
  } catch (error) {
    console.error("[audit] could not record", action, error);
  }
}
