// The OAuth 2.0 device authorization grant (RFC 8628) against the gateway
// itself: the CLI asks for a code, a signed-in member approves it on /device,
// and the CLI's polling turns the approved code into a CLI session.
import { db } from "../db";
import { env } from "../env";
import { lookupHash } from "../crypto";
import { ApiError, conflict, notFound } from "../api/errors";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { OAuthError } from "./oauth-error";
import { CLI_SCOPE } from "./schemas";
import { createCliSession, type IssuedTokens } from "./sessions";
import { newDeviceCode } from "./tokens";
import { newUserCode, normalizeUserCode } from "./user-code";

const DEVICE_CODE_LIFETIME_SECONDS = 600;
/** RFC 8628 §3.5: each slow_down adds 5 seconds to the interval. */
const SLOW_DOWN_INCREMENT_SECONDS = 5;
const MAX_CLIENT_NAME_LENGTH = 120;

export async function startDeviceAuthorization(parameters: Record<string, string>, origin: string) {
  const scope = parameters.scope?.trim() || CLI_SCOPE;
  if (scope !== CLI_SCOPE) throw new OAuthError("invalid_scope", `The only scope is '${CLI_SCOPE}'`);
  const clientName = (parameters.client_name?.trim() || "gateway CLI").slice(0, MAX_CLIENT_NAME_LENGTH);
  const deviceCode = newDeviceCode();
  const interval = env().GATEWAY_CLI_POLL_INTERVAL_SECONDS;
  const expiresAt = new Date(Date.now() + DEVICE_CODE_LIFETIME_SECONDS * 1000);
  // Codes a day past their expiry are of no use to anyone, not even to explain an expired_token.
  await db.deviceAuthorization.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } });
  let userCode = newUserCode();
  for (let attempt = 0; ; attempt++) {
    try {
      await db.deviceAuthorization.create({
        data: { deviceCodeHash: lookupHash(deviceCode), userCode, clientName, scope, intervalSeconds: interval, expiresAt },
      });
      break;
    } catch (error) {
      // A user code collides with a live one (20^8 codes): draw another.
      if (attempt >= 3) throw error;
      userCode = newUserCode();
    }
  }
  const verificationUri = `${(env().GATEWAY_PUBLIC_URL ?? origin).replace(/\/$/, "")}/device`;
  return {
    device_code: deviceCode,
    user_code: userCode,
    verification_uri: verificationUri,
    verification_uri_complete: `${verificationUri}?user_code=${encodeURIComponent(userCode)}`,
    expires_in: DEVICE_CODE_LIFETIME_SECONDS,
    interval,
  };
}

/** grant_type=urn:ietf:params:oauth:grant-type:device_code, answered as RFC 8628 §3.5 says. */
export async function redeemDeviceCode(deviceCode: string): Promise<IssuedTokens> {
  const record = await db.deviceAuthorization.findUnique({ where: { deviceCodeHash: lookupHash(deviceCode) } });
  if (!record) throw new OAuthError("invalid_grant", "Unknown device code");
  const now = new Date();
  if (record.status === "consumed") throw new OAuthError("invalid_grant", "This device code was already used");
  if (record.status === "denied") throw new OAuthError("access_denied", "The sign-in was denied on /device");
  if (record.expiresAt <= now) throw new OAuthError("expired_token", "The device code expired; run `gateway login` again");
  if (record.status === "approved") {
    // Only one poll may turn the approval into a session.
    const claimed = await db.deviceAuthorization.updateMany({ where: { id: record.id, status: "approved" }, data: { status: "consumed", lastPolledAt: now } });
    if (claimed.count !== 1 || !record.organizationId || !record.membershipId) throw new OAuthError("invalid_grant", "This device code was already used");
    return createCliSession(record.organizationId, record.membershipId, record.clientName);
  }
  const tooSoon = record.lastPolledAt !== null && now.getTime() - record.lastPolledAt.getTime() < record.intervalSeconds * 1000;
  await db.deviceAuthorization.update({
    where: { id: record.id },
    data: { lastPolledAt: now, ...(tooSoon ? { intervalSeconds: record.intervalSeconds + SLOW_DOWN_INCREMENT_SECONDS } : {}) },
  });
  if (tooSoon) throw new OAuthError("slow_down", `Polling too fast; wait ${record.intervalSeconds + SLOW_DOWN_INCREMENT_SECONDS} seconds between requests`);
  throw new OAuthError("authorization_pending", "Waiting for a member to approve the code on /device");
}

async function pendingRequest(userCode: string) {
  const normalized = normalizeUserCode(userCode);
  const record = normalized ? await db.deviceAuthorization.findUnique({ where: { userCode: normalized } }) : null;
  if (!record || record.expiresAt <= new Date()) throw notFound(`Sign-in request '${userCode}' (it may have expired; run \`gateway login\` again)`);
  return record;
}

function requireMember(caller: Caller): string {
  if (!caller.membershipId) throw new ApiError("forbidden", "Only a signed-in member can approve a CLI sign-in (a management token cannot)");
  return caller.membershipId;
}

/** What /device shows before the member decides: which CLI asks, for what. */
export async function describeDeviceRequest(caller: Caller, userCode: string) {
  requireMember(caller);
  const record = await pendingRequest(userCode);
  return {
    userCode: record.userCode,
    clientName: record.clientName,
    scope: record.scope,
    status: record.status as "pending" | "approved" | "denied" | "consumed",
    expiresAt: record.expiresAt.toISOString(),
    organization: caller.organizationSlug,
  };
}

async function decide(caller: Caller, userCode: string, decision: "approved" | "denied") {
  const membershipId = requireMember(caller);
  const record = await pendingRequest(userCode);
  const updated = await db.deviceAuthorization.updateMany({
    where: { id: record.id, status: "pending" },
    data: { status: decision, organizationId: caller.organizationId, membershipId },
  });
  if (updated.count !== 1) throw conflict(`Sign-in request '${record.userCode}' was already ${record.status}`);
  await recordAudit(caller, decision === "approved" ? "cli_device.approve" : "cli_device.deny", { type: "device_authorization", id: record.id }, { clientName: record.clientName });
  return { userCode: record.userCode, clientName: record.clientName, status: decision };
}

export const approveDeviceRequest = (caller: Caller, userCode: string) => decide(caller, userCode, "approved");
export const denyDeviceRequest = (caller: Caller, userCode: string) => decide(caller, userCode, "denied");
