import { apiRoute } from "@/lib/api/route";
import { createRoutingGroupOperation, listRoutingGroupsOperation } from "@/lib/routing/operations";
import { createRoutingGroup, listRoutingGroups } from "@/lib/routing/service";

// GET /api/v1/routing-groups – list routing groups
export const GET = apiRoute(listRoutingGroupsOperation, async ({ caller }) => listRoutingGroups(caller.organizationId));

// POST /api/v1/routing-groups – create a routing group
export const POST = apiRoute(createRoutingGroupOperation, async ({ caller, body }) => createRoutingGroup(caller, body));
