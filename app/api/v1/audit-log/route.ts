import { apiRoute } from "@/lib/api/route";
import { listAuditLog, listAuditLogOperation } from "@/lib/audit-log/service";

// GET /api/v1/audit-log – management changes, newest first
export const GET = apiRoute(listAuditLogOperation, async ({ caller, query }) => listAuditLog(caller.organizationId, query));
