import { apiRoute } from "@/lib/api/route";
import { redeemDeviceCode } from "@/lib/cli-sessions/device-flow";
import { answerOAuth, OAuthError, readOAuthParameters } from "@/lib/cli-sessions/oauth-error";
import { tokenOperation } from "@/lib/cli-sessions/operations";
import { refreshCliSession } from "@/lib/cli-sessions/sessions";

const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

// POST /api/v1/cli/token – redeem an approved device code, or refresh an access token
export const POST = apiRoute(tokenOperation, async ({ request }) =>
  answerOAuth(async () => {
    const parameters = await readOAuthParameters(request);
    if (parameters.grant_type === DEVICE_CODE_GRANT) {
      if (!parameters.device_code) throw new OAuthError("invalid_request", "device_code is required");
      return redeemDeviceCode(parameters.device_code);
    }
    if (parameters.grant_type === "refresh_token") {
      if (!parameters.refresh_token) throw new OAuthError("invalid_request", "refresh_token is required");
      return refreshCliSession(parameters.refresh_token);
    }
    if (!parameters.grant_type) throw new OAuthError("invalid_request", "grant_type is required");
    throw new OAuthError("unsupported_grant_type", `grant_type must be '${DEVICE_CODE_GRANT}' or 'refresh_token'`);
  }),
);
