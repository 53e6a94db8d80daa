import { apiRoute } from "@/lib/api/route";
import { cliStatusOperation } from "@/lib/cli-sessions/operations";
import { cliStatus } from "@/lib/cli-sessions/status";
import { providerModels } from "@/proxy/models";

// GET /api/v1/cli/status – the CLI credential's member, spend, limits and routes
export const GET = apiRoute(cliStatusOperation, async ({ request }) => cliStatus(request, providerModels));
