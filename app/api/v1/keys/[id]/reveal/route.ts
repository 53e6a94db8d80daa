import { apiRoute } from "@/lib/api/route";
import { revealKeyOperation } from "@/lib/keys/operations";
import { revealKey } from "@/lib/keys/service";

// POST /api/v1/keys/{id}/reveal – the key's secret, for its owner or an admin
export const POST = apiRoute(revealKeyOperation, async ({ caller, params }) => revealKey(caller, params.id));
