import { apiRoute } from "@/lib/api/route";
import { listRoutesOperation } from "@/lib/routes/operations";
import { listRoutes } from "@/lib/routes/service";
import { providerModels } from "@/proxy/models";

// GET /api/v1/routes – routes the organization's keys can call, with known models
export const GET = apiRoute(listRoutesOperation, async ({ caller }) => listRoutes(caller.organizationId, providerModels));

