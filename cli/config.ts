// Where the CLI keeps its credentials: GATEWAY_CLI_HOME (default
// ~/.config/gateway, or $XDG_CONFIG_HOME/gateway), one JSON file readable by
// its owner only, because it holds a refresh token or a personal key.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { z } from "zod";

const credentialsSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("session"),
    gatewayUrl: z.string(),
    refreshToken: z.string(),
    accessToken: z.string().optional(),
    /** Epoch milliseconds. */
    accessTokenExpiresAt: z.number().optional(),
  }),
  z.object({ kind: z.literal("key"), gatewayUrl: z.string(), key: z.string() }),
]);

export type Credentials = z.infer<typeof credentialsSchema>;

export const DEFAULT_GATEWAY_URL = "http://localhost:3000";

export function cliHome(): string {
  if (process.env.GATEWAY_CLI_HOME) return process.env.GATEWAY_CLI_HOME;
  const configHome = process.env.XDG_CONFIG_HOME || path.join(homedir(), ".config");
  return path.join(configHome, "gateway");
}

export function credentialsFile(): string {
  return path.join(cliHome(), "credentials.json");
}

export function readCredentials(): Credentials | null {
  const file = credentialsFile();
  if (!existsSync(file)) return null;
  const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  return parsed.success ? parsed.data : null;
}

export function writeCredentials(credentials: Credentials): void {
  const directory = cliHome();
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = credentialsFile();
  writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  // writeFileSync's mode only applies to a new file: tighten an older one too.
  chmodSync(file, 0o600);
}

export function deleteCredentials(): boolean {
  const file = credentialsFile();
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}

/** --gateway-url, then GATEWAY_URL, then the stored login's, then localhost:3000. */
export function resolveGatewayUrl(flag: string | undefined, stored?: Credentials | null): string {
  return (flag || process.env.GATEWAY_URL || stored?.gatewayUrl || DEFAULT_GATEWAY_URL).replace(/\/+$/, "");
}
