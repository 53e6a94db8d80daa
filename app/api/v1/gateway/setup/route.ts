import { apiRoute } from "@/lib/api/route";
import { setupGatewayOperation } from "@/lib/setup/operations";
import { setupGateway } from "@/lib/setup/setup-gateway";

// POST /api/v1/gateway/setup – enable the gateway (recommended or manual setup)
export const POST = apiRoute(setupGatewayOperation, async ({ caller, body }) => setupGateway(caller, body));
