// Configuration from the environment (SPEC §5), validated once at start.
// A bad value stops the process with one line naming the variable.
import { z } from "zod";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

export const BUILTIN_PROVIDER_SLUGS = ["openai", "anthropic", "google", "groq", "mistral"] as const;
export type BuiltinProviderSlug = (typeof BUILTIN_PROVIDER_SLUGS)[number];

const optionalUrl = z.string().url().optional();

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgres://")
    .default("file:./data/gateway.db"),
  GATEWAY_DATA_DIR: z.string().default("data"),
  GATEWAY_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  GATEWAY_PUBLIC_URL: optionalUrl,
  GATEWAY_ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  GATEWAY_ADMIN_EMAIL: z.string().email().optional(),
  GATEWAY_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().positive().default(32 * 1024 * 1024),
  GATEWAY_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  GATEWAY_FIRST_BYTE_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  // Slow clients (proxy/dual-protocol-server.ts): all headers within, the whole request (body included) within; past either, 408.
  GATEWAY_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  GATEWAY_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  // Open connections one client address may hold; the next is answered 429 and closed.
  GATEWAY_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().default(2_048),
  // Budget leases (lib/limits/lease-counter-store.ts): how long a dead process's lease survives it.
  GATEWAY_LEASE_TTL_MS: z.coerce.number().int().min(1_000).default(60_000),
  // Usage records that cannot be written yet wait here (proxy/usage-spool.ts); default: beside the SQLite file.
  GATEWAY_SPOOL_DIR: z.string().optional(),
  GATEWAY_SPOOL_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024 * 1024),
  // How long a hot-path write waits for a SQLite file another connection holds locked before it counts as failed (and usage goes to the spool).
  GATEWAY_DB_BUSY_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  // How often each process polls the configuration epoch (lib/cache/config-epoch.ts); on PostgreSQL LISTEN/NOTIFY is faster still.
  GATEWAY_CONFIG_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(400),
  // The CLI's device flow (lib/cli-sessions): access-token lifetime (at most 15 minutes) and polling interval.
  GATEWAY_CLI_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(900).default(900),
  GATEWAY_CLI_POLL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  ...Object.fromEntries(
    BUILTIN_PROVIDER_SLUGS.flatMap((slug) => [
      [`GATEWAY_BUILTIN_${slug.toUpperCase()}_API_KEY`, z.string().min(1).optional()],
      [`GATEWAY_BUILTIN_${slug.toUpperCase()}_BASE_URL`, optionalUrl],
    ]),
  ),
});

export type Environment = z.infer<typeof environmentSchema> & {
  GATEWAY_SECRET: string;
  [builtinVariable: `GATEWAY_BUILTIN_${string}`]: string | undefined;
};

let cached: Environment | undefined;

/** The validated configuration; throws one readable line on the first bad variable. */
export function env(): Environment {
  if (cached) return cached;
  const blanksRemoved = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = environmentSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue.path.join(".")} ${issue.message}`);
  }
  const values = parsed.data as Environment;
  values.GATEWAY_SECRET = values.GATEWAY_SECRET ?? loadOrCreateSecret(values.GATEWAY_DATA_DIR);
  cached = values;
  return values;
}

/** The secret is generated once and kept under data/ so encrypted data survives restarts. */
function loadOrCreateSecret(dataDirectory: string): string {
  const file = path.join(dataDirectory, "gateway-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDirectory, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** Base URL users put in their SDKs: GATEWAY_PUBLIC_URL or localhost. */
export function publicUrl(): string {
  const values = env();
  return (values.GATEWAY_PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, "");
}

/** Reset the cache; tests change process.env between cases. */
export function resetEnvironmentForTests(): void {
  cached = undefined;
}
