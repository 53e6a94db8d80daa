import { apiRoute } from "@/lib/api/route";
import { revokeCliSessionOperation } from "@/lib/cli-sessions/operations";
import { revokeCliSession } from "@/lib/cli-sessions/sessions";

// DELETE /api/v1/cli/sessions/{id} – revoke a CLI session (members: their own)
export const DELETE = apiRoute(revokeCliSessionOperation, async ({ caller, params }) => revokeCliSession(caller, params.id));
