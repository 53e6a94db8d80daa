import { apiRoute } from "@/lib/api/route";
import { createManagementTokenOperation, listManagementTokensOperation } from "@/lib/management-tokens/operations";
import { createManagementToken, listManagementTokens } from "@/lib/management-tokens/service";

// GET /api/v1/management-tokens – list tokens
export const GET = apiRoute(listManagementTokensOperation, async ({ caller }) => listManagementTokens(caller.organizationId));

// POST /api/v1/management-tokens – create a token (secret answered once)
export const POST = apiRoute(createManagementTokenOperation, async ({ caller, body }) => createManagementToken(caller, body));
