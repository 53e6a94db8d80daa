import { apiRoute } from "@/lib/api/route";
import { listUsageOperation } from "@/lib/usage/operations";
import { listUsage } from "@/lib/usage/service";

// GET /api/v1/usage – the request log, newest first (members: their own requests)
export const GET = apiRoute(listUsageOperation, async ({ caller, query }) => listUsage(caller, query));
