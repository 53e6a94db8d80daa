// `gateway login`: the device flow (print a code and a URL, poll until a
// member approves on /device), or --token with a personal key for scripts.
import { writeCredentials, resolveGatewayUrl, readCredentials } from "../config";
import { CliError } from "../errors";
import { fetchStatus, OAuthAnswerError, pollDeviceToken, startDeviceAuthorization } from "../gateway-client";
import type { ParsedOptions } from "../main";

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export async function login(options: ParsedOptions): Promise<number> {
  const gatewayUrl = resolveGatewayUrl(options.gatewayUrl, readCredentials());
  if (options.token) {
    // Checked before it is stored, so a typo fails here and not in the middle of a tool's run.
    const status = await fetchStatus(gatewayUrl, options.token);
    writeCredentials({ kind: "key", gatewayUrl, key: options.token });
    process.stdout.write(`Signed in to ${gatewayUrl} as ${status.member.email} (${status.organization}) with a personal key.\n`);
    return 0;
  }
  const device = await startDeviceAuthorization(gatewayUrl);
  process.stdout.write(
    `To sign in, open ${device.verification_uri_complete ?? device.verification_uri}\n` +
      `and confirm the code: ${device.user_code}\n` +
      `(or open ${device.verification_uri} and type it). Waiting for approval…\n`,
  );
  let intervalMs = (device.interval ?? 5) * 1000;
  const deadline = Date.now() + device.expires_in * 1000;
  while (Date.now() < deadline) {
    await sleep(intervalMs);
    try {
      const tokens = await pollDeviceToken(gatewayUrl, device.device_code);
      writeCredentials({
        kind: "session",
        gatewayUrl,
        refreshToken: tokens.refresh_token,
        accessToken: tokens.access_token,
        accessTokenExpiresAt: Date.now() + tokens.expires_in * 1000,
      });
      const status = await fetchStatus(gatewayUrl, tokens.access_token);
      process.stdout.write(`Signed in to ${gatewayUrl} as ${status.member.email} (${status.organization}).\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof OAuthAnswerError)) throw error;
      if (error.code === "authorization_pending") continue;
      // RFC 8628 §3.5: slow down by 5 seconds for this and every later poll.
      if (error.code === "slow_down") intervalMs += 5000;
      else if (error.code === "access_denied") throw new CliError("The sign-in was denied on the gateway", 3);
      else if (error.code === "expired_token") throw new CliError("The code expired before it was approved; run `gateway login` again", 3);
      else throw new CliError(`Sign-in failed: ${error.message}`, 3);
    }
  }
  throw new CliError("The code expired before it was approved; run `gateway login` again", 3);
}
