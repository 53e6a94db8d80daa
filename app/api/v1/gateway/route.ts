import { apiRoute } from "@/lib/api/route";
import { getGatewayOperation, updateGatewayOperation } from "@/lib/setup/operations";
import { getGatewayView } from "@/lib/setup/gateway-settings";
import { updateGateway } from "@/lib/setup/update-gateway";

// GET /api/v1/gateway – enabled, base URL and telemetry settings
export const GET = apiRoute(getGatewayOperation, async ({ caller }) => getGatewayView(caller.organizationId));

// PATCH /api/v1/gateway – turn the gateway on or off, change telemetry
export const PATCH = apiRoute(updateGatewayOperation, async ({ caller, body }) => updateGateway(caller, body));
