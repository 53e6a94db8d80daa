import { apiRoute } from "@/lib/api/route";
import { getOrganizationOperation, renameOrganizationOperation } from "@/lib/organizations/operations";
import { getOrganization, renameOrganization } from "@/lib/organizations/service";

// GET /api/v1/organization – the caller's organization
export const GET = apiRoute(getOrganizationOperation, async ({ caller }) => getOrganization(caller));

// PATCH /api/v1/organization – rename it
export const PATCH = apiRoute(renameOrganizationOperation, async ({ caller, body }) => renameOrganization(caller, body));
