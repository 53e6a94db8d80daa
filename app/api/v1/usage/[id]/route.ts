import { apiRoute } from "@/lib/api/route";
import { getUsageOperation } from "@/lib/usage/operations";
import { getUsageDetail } from "@/lib/usage/detail-service";

// GET /api/v1/usage/{id} – one request of the log, with its attempts and cost per token class
export const GET = apiRoute(getUsageOperation, async ({ caller, params }) => getUsageDetail(caller, params.id));
