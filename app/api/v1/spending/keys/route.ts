import { apiRoute } from "@/lib/api/route";
import { getKeyHolds } from "@/lib/spending/key-holds";
import { getKeyHoldsOperation } from "@/lib/spending/operations";

// GET /api/v1/spending/keys – held amounts and today's refusals per key (members: their own keys)
export const GET = apiRoute(getKeyHoldsOperation, async ({ caller }) => getKeyHolds(caller));
