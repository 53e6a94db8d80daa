import { apiRoute } from "@/lib/api/route";
import { deleteProviderOperation, getProviderOperation, updateProviderOperation } from "@/lib/providers/operations";
import { deleteProvider, getProvider, updateProvider } from "@/lib/providers/service";

// GET /api/v1/providers/{slug} – one provider
export const GET = apiRoute(getProviderOperation, async ({ caller, params }) => getProvider(caller.organizationId, params.slug));

// PATCH /api/v1/providers/{slug} – edit or activate
export const PATCH = apiRoute(updateProviderOperation, async ({ caller, params, body }) => updateProvider(caller, params.slug, body));

// DELETE /api/v1/providers/{slug} – remove
export const DELETE = apiRoute(deleteProviderOperation, async ({ caller, params }) => deleteProvider(caller, params.slug));
