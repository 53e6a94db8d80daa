// `gateway status`: who the stored login signs in as, and today's spend
// against the member's limits.
import type { GatewayStatus } from "../gateway-client";
import type { ParsedOptions } from "../main";
import { formatUsd, signedInSource, signedInStatus } from "../session";

export function spendLines(status: Pick<GatewayStatus, "spend" | "limits">): string[] {
  return (["daily", "weekly", "monthly"] as const).map((window) => {
    const limit = status.limits[window];
    const label = { daily: "today", weekly: "this week", monthly: "this month" }[window];
    return `  ${label.padEnd(11)} ${formatUsd(status.spend[window])}${limit === null ? " (no limit)" : ` of ${formatUsd(limit)} ${window} limit`}`;
  });
}

export async function status(options: ParsedOptions): Promise<number> {
  const source = signedInSource(options.gatewayUrl);
  const answer = await signedInStatus(source);
  const lines = [
    `Gateway:   ${source.gatewayUrl}`,
    `Signed in: ${answer.member.email} (${answer.member.role}) in ${answer.organization}, with ${answer.credential === "cli-session" ? "a CLI session" : "a personal key"}`,
    "Spend:",
    ...spendLines(answer),
  ];
  if (answer.usage) lines.push(`This ${answer.credential === "cli-session" ? "session" : "key"}: ${answer.usage.requests} requests, ${formatUsd(answer.usage.costUsd)}`);
  const routes = answer.routes.map((route) => `${route.slug} (${route.type ?? route.providerTypes.join("/")})`);
  lines.push(`Routes:    ${routes.length ? routes.join(", ") : "none"}`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
