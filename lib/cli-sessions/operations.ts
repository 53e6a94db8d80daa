// The CLI's endpoints (SPEC §6): the device flow, the token endpoint, CLI
// sessions in Settings, and the status the CLI shows.
import { z } from "zod";
import { defineOperation } from "../api/operation";
import {
  cliSessionResponseSchema,
  cliStatusResponseSchema,
  deviceAuthorizationResponseSchema,
  deviceRequestResponseSchema,
  tokenResponseSchema,
  userCodeBodySchema,
  userCodeQuerySchema,
} from "./schemas";

const tag = "CLI";

export const startDeviceAuthorizationOperation = defineOperation({
  method: "POST",
  path: "/api/v1/cli/device",
  summary: "Start a device sign-in (RFC 8628): form or JSON {client_name?, scope?}; answers a device code and a user code",
  tag,
  public: true,
  response: deviceAuthorizationResponseSchema,
});

export const describeDeviceRequestOperation = defineOperation({
  method: "GET",
  path: "/api/v1/cli/device",
  summary: "Which CLI asks to sign in with this user code (signed-in member)",
  tag,
  query: userCodeQuerySchema,
  response: deviceRequestResponseSchema,
});

export const approveDeviceRequestOperation = defineOperation({
  method: "POST",
  path: "/api/v1/cli/device/approve",
  summary: "Approve a CLI sign-in as the signed-in member",
  tag,
  body: userCodeBodySchema,
  response: z.object({ userCode: z.string(), clientName: z.string(), status: z.literal("approved") }),
});

export const denyDeviceRequestOperation = defineOperation({
  method: "POST",
  path: "/api/v1/cli/device/deny",
  summary: "Deny a CLI sign-in; the CLI's next poll gets access_denied",
  tag,
  body: userCodeBodySchema,
  response: z.object({ userCode: z.string(), clientName: z.string(), status: z.literal("denied") }),
});

export const tokenOperation = defineOperation({
  method: "POST",
  path: "/api/v1/cli/token",
  summary:
    "OAuth token endpoint: grant_type=urn:ietf:params:oauth:grant-type:device_code (device_code) or refresh_token (refresh_token); errors as RFC 6749 §5.2 / RFC 8628 §3.5",
  tag,
  public: true,
  response: tokenResponseSchema,
});

export const listCliSessionsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/cli/sessions",
  summary: "Active CLI sessions (admins: all of the organization; members: their own)",
  tag,
  response: z.array(cliSessionResponseSchema),
});

export const revokeCliSessionOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/cli/sessions/{id}",
  summary: "Revoke a CLI session: its refresh token and access tokens stop working",
  tag,
  response: cliSessionResponseSchema,
});

export const cliStatusOperation = defineOperation({
  method: "GET",
  path: "/api/v1/cli/status",
  summary: "For Authorization: Bearer <CLI access token or personal key>: the member, their spend against their limits, and their routes",
  tag,
  public: true,
  response: cliStatusResponseSchema,
});
