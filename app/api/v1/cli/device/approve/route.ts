import { apiRoute } from "@/lib/api/route";
import { approveDeviceRequest } from "@/lib/cli-sessions/device-flow";
import { approveDeviceRequestOperation } from "@/lib/cli-sessions/operations";

// POST /api/v1/cli/device/approve – the signed-in member approves a CLI sign-in
export const POST = apiRoute(approveDeviceRequestOperation, async ({ caller, body }) => approveDeviceRequest(caller, body.user_code));
