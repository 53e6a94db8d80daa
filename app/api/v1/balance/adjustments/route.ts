import { apiRoute } from "@/lib/api/route";
import { addAdjustmentOperation } from "@/lib/balance/operations";
import { addAdjustment } from "@/lib/balance/service";

// POST /api/v1/balance/adjustments – correct the balance
export const POST = apiRoute(addAdjustmentOperation, async ({ caller, body }) => addAdjustment(caller, body));
