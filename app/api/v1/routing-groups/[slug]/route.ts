import { apiRoute } from "@/lib/api/route";
import { deleteRoutingGroupOperation, getRoutingGroupOperation, updateRoutingGroupOperation } from "@/lib/routing/operations";
import { deleteRoutingGroup, getRoutingGroup, updateRoutingGroup } from "@/lib/routing/service";

// GET /api/v1/routing-groups/{slug} – one group
export const GET = apiRoute(getRoutingGroupOperation, async ({ caller, params }) => getRoutingGroup(caller.organizationId, params.slug));

// PATCH /api/v1/routing-groups/{slug} – edit a group
export const PATCH = apiRoute(updateRoutingGroupOperation, async ({ caller, params, body }) => updateRoutingGroup(caller, params.slug, body));

// DELETE /api/v1/routing-groups/{slug} – delete a group
export const DELETE = apiRoute(deleteRoutingGroupOperation, async ({ caller, params }) => deleteRoutingGroup(caller, params.slug));
