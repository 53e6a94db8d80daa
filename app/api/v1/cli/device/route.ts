import { apiRoute } from "@/lib/api/route";
import { describeDeviceRequest, startDeviceAuthorization } from "@/lib/cli-sessions/device-flow";
import { answerOAuth, readOAuthParameters } from "@/lib/cli-sessions/oauth-error";
import { describeDeviceRequestOperation, startDeviceAuthorizationOperation } from "@/lib/cli-sessions/operations";

// POST /api/v1/cli/device – start a device sign-in (RFC 8628 §3.1)
export const POST = apiRoute(startDeviceAuthorizationOperation, async ({ request }) =>
  answerOAuth(async () => startDeviceAuthorization(await readOAuthParameters(request), new URL(request.url).origin)),
);

// GET /api/v1/cli/device – which CLI asks, for the /device page
export const GET = apiRoute(describeDeviceRequestOperation, async ({ caller, query }) => describeDeviceRequest(caller, query.user_code));
