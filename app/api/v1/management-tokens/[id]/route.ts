import { apiRoute } from "@/lib/api/route";
import { revokeManagementTokenOperation } from "@/lib/management-tokens/operations";
import { revokeManagementToken } from "@/lib/management-tokens/service";

// DELETE /api/v1/management-tokens/{id} – revoke a token
export const DELETE = apiRoute(revokeManagementTokenOperation, async ({ caller, params }) => revokeManagementToken(caller, params.id));
