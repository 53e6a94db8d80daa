import { apiRoute } from "@/lib/api/route";
import { getKeyOperation, revokeKeyOperation, updateKeyOperation } from "@/lib/keys/operations";
import { getKey, revokeKey, updateKey } from "@/lib/keys/service";

// GET /api/v1/keys/{id} – one key
export const GET = apiRoute(getKeyOperation, async ({ caller, params }) => getKey(caller, params.id));

// PATCH /api/v1/keys/{id} – edit a key
export const PATCH = apiRoute(updateKeyOperation, async ({ caller, params, body }) => updateKey(caller, params.id, body));

// DELETE /api/v1/keys/{id} – revoke a key
export const DELETE = apiRoute(revokeKeyOperation, async ({ caller, params }) => revokeKey(caller, params.id));
