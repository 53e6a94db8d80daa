import { apiRoute } from "@/lib/api/route";
import { addCreditsOperation } from "@/lib/balance/operations";
import { addCredits } from "@/lib/balance/service";

// POST /api/v1/balance/credits – add funds
export const POST = apiRoute(addCreditsOperation, async ({ caller, body }) => addCredits(caller, body));
