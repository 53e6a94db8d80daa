import { apiRoute } from "@/lib/api/route";
import { createKeyOperation, listKeysOperation } from "@/lib/keys/operations";
import { createKey, listKeys } from "@/lib/keys/service";

// GET /api/v1/keys – list keys the caller may see
export const GET = apiRoute(listKeysOperation, async ({ caller, query }) =>
  listKeys(caller, { kind: query.kind, project: query.project, includeRevoked: query.includeRevoked === "true" }),
);

// POST /api/v1/keys – create a key (secret answered once)
export const POST = apiRoute(createKeyOperation, async ({ caller, body }) => createKey(caller, body));
