import { apiRoute } from "@/lib/api/route";
import { createProviderOperation, listProvidersOperation } from "@/lib/providers/operations";
import { createProvider, listProviders } from "@/lib/providers/service";

// GET /api/v1/providers – list providers
export const GET = apiRoute(listProvidersOperation, async ({ caller }) => listProviders(caller.organizationId));

// POST /api/v1/providers – add a BYOK provider
export const POST = apiRoute(createProviderOperation, async ({ caller, body }) => createProvider(caller, body));
