import { apiRoute } from "@/lib/api/route";
import { testProviderConnection, testProviderConnectionOperation } from "@/lib/providers/test-connection";
import { getAdapter } from "@/proxy/providers/registry";

// POST /api/v1/providers/{slug}/test – list the provider's models or send a one-token request
export const POST = apiRoute(testProviderConnectionOperation, async ({ caller, params, body }) =>
  testProviderConnection(caller.organizationId, params.slug, body, getAdapter),
);
