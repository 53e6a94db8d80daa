import { apiRoute } from "@/lib/api/route";
import { getBalanceOperation, updateBalanceOperation } from "@/lib/balance/operations";
import { getBalance, updateAutoRecharge } from "@/lib/balance/service";

// GET /api/v1/balance – balance and auto-recharge
export const GET = apiRoute(getBalanceOperation, async ({ caller }) => getBalance(caller.organizationId));

// PATCH /api/v1/balance – set auto-recharge
export const PATCH = apiRoute(updateBalanceOperation, async ({ caller, body }) => updateAutoRecharge(caller, body));
