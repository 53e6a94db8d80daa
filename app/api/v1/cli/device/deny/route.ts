import { apiRoute } from "@/lib/api/route";
import { denyDeviceRequest } from "@/lib/cli-sessions/device-flow";
import { denyDeviceRequestOperation } from "@/lib/cli-sessions/operations";

// POST /api/v1/cli/device/deny – the signed-in member refuses a CLI sign-in
export const POST = apiRoute(denyDeviceRequestOperation, async ({ caller, body }) => denyDeviceRequest(caller, body.user_code));
