import { apiRoute } from "@/lib/api/route";
import { getSpendingOperation } from "@/lib/spending/operations";
import { getSpending } from "@/lib/spending/service";

// GET /api/v1/spending – totals, a time series and a breakdown (members: their own usage)
export const GET = apiRoute(getSpendingOperation, async ({ caller, query }) => getSpending(caller, query));
