// Realistic request-log rows for `npm run seed:usage` (and the analytics
// benchmark): traffic over N days with a daily rhythm, a mix of models and
// providers, streamed calls, failovers with their attempt log, refused
// requests (limits, balance) and upstream errors, costs from per-model rates.
// Deterministic for a seed, so a benchmark run can be repeated.
import { randomUUID } from "node:crypto";
import type { UsageRecordInput } from "./types";

export interface SeedKey {
  id: string;
  projectId: string;
  membershipId: string | null;
}

/** A seeded request: exactly what the proxy records (proxy/usage-rows.ts writes both). */
export type SyntheticRecord = UsageRecordInput;

/** Models with $/M input and output rates, as micro-USD per token × 1e6. */
const TARGETS = [
  { provider: "openai", model: "gpt-4o-mini", operation: "chat", input: 0.15, output: 0.6, share: 30 },
  { provider: "openai", model: "gpt-4o", operation: "chat", input: 2.5, output: 10, share: 15 },
  { provider: "openai", model: "text-embedding-3-small", operation: "embeddings", input: 0.02, output: 0, share: 8 },
  { provider: "anthropic", model: "claude-sonnet-4-20250514", operation: "messages", input: 3, output: 15, share: 20 },
  { provider: "anthropic", model: "claude-3-5-haiku-20241022", operation: "messages", input: 0.8, output: 4, share: 10 },
  { provider: "google", model: "gemini-2.5-flash", operation: "generateContent", input: 0.3, output: 2.5, share: 12 },
  { provider: "groq", model: "llama-3.3-70b-versatile", operation: "chat", input: 0.59, output: 0.79, share: 5 },
] as const;

const TOTAL_SHARE = TARGETS.reduce((sum, target) => sum + target.share, 0);

/** A small fast generator (mulberry32): deterministic per seed. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR_MS = 3_600_000;

export interface GenerateOptions {
  organizationId: string;
  keys: readonly SeedKey[];
  end: Date;
  days: number;
  seed?: number;
}

/** An endless stream of records, each at a random time in [end - days, end). */
export function* syntheticUsage(options: GenerateOptions): Generator<SyntheticRecord> {
  if (options.keys.length === 0) throw new Error("syntheticUsage needs at least one key");
  const random = randomSource(options.seed ?? 1);
  const span = options.days * 24 * HOUR_MS;
  const word = () => Math.floor(random() * 4_294_967_296).toString(16).padStart(8, "0");
  const traceId = () => word() + word() + word() + word();
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  for (let index = 0; ; index++) {
    const key = pick(options.keys);
    const time = new Date(options.end.getTime() - 1 - daytimeOffset(random, span, options.end));
    let roll = random() * TOTAL_SHARE;
    let target: (typeof TARGETS)[number] = TARGETS[0];
    for (const candidate of TARGETS) if ((roll -= candidate.share) < 0) {
      target = candidate;
      break;
    }
    // The first three rows are one of each story the log must tell; then the mix.
    const kind = index === 0 ? "refused" : index === 1 ? "failover" : index === 2 ? "streamed" : outcome(random());
    const refused = kind === "refused" || kind === "balance";
    const failed = kind === "upstream_error";
    const embeddings = target.operation === "embeddings";
    const streamed = !refused && !embeddings && (kind === "streamed" || random() < 0.35);
    const inputTokens = refused || failed ? 0 : embeddings ? 20 + Math.floor(random() * 800) : 50 + Math.floor(random() * random() * 12_000);
    const outputTokens = refused || failed || embeddings ? 0 : 10 + Math.floor(random() * random() * 2_500);
    const cacheReadTokens = target.provider === "anthropic" && random() < 0.3 ? Math.floor(inputTokens * 0.6) : 0;
    const costMicros = Math.round((inputTokens - cacheReadTokens) * target.input + cacheReadTokens * target.input * 0.1 + outputTokens * target.output);
    const ttfbMs = refused || failed ? null : 150 + Math.floor(random() * random() * 1_500);
    const latencyMs = refused ? 1 + Math.floor(random() * 4) : failed ? 30_000 : (ttfbMs ?? 0) + (streamed ? 300 + Math.floor(random() * 8_000) : Math.floor(random() * 3_000));
    yield {
      id: randomUUID(),
      time,
      organizationId: options.organizationId,
      projectId: key.projectId,
      apiKeyId: key.id,
      membershipId: key.membershipId,
      providerSlug: refused ? null : target.provider,
      route: kind === "failover" ? `${target.provider}-failover` : target.provider,
      model: target.model,
      operation: target.operation,
      status: kind === "refused" ? 429 : kind === "balance" ? 402 : failed ? 502 : 200,
      streamed,
      inputTokens,
      outputTokens,
      cacheReadTokens,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
      inputAudioTokens: 0,
      cacheAudioReadTokens: 0,
      outputAudioTokens: 0,
      audioMilliseconds: 0,
      costMicros: BigInt(costMicros),
      estimated: false,
      latencyMs,
      ttfbMs,
      attempts: refused ? 0 : kind === "failover" ? 2 : 1,
      attemptLog: kind === "failover" ? failoverLog(target.provider, latencyMs) : failed ? FAILED_LOG[target.provider] : null,
      errorCode: kind === "refused" ? "spending_limit_exceeded" : kind === "balance" ? "insufficient_balance" : failed ? "upstream_unavailable" : null,
      errorMessage: kind === "refused" ? LIMIT_MESSAGE : kind === "balance" ? BALANCE_MESSAGE : failed ? `Every upstream failed; last: ${target.provider}: status 503` : null,
      traceId: traceId(),
    };
  }
}

const LIMIT_MESSAGE = "key daily limit of $5.00 reached; resets at the next UTC midnight";
const BALANCE_MESSAGE = "The organization's prepaid balance is too low for this request";
const FAILED_LOG: Record<string, string> = Object.fromEntries(
  TARGETS.map((target) => [target.provider, JSON.stringify([{ provider: target.provider, type: target.provider, status: 503, durationMs: 30_000, failure: { reason: "503", message: "status 503" } }])]),
);

function failoverLog(provider: string, latencyMs: number): string {
  return JSON.stringify([
    { provider: `${provider}-primary`, type: provider, status: 503, durationMs: 120, failure: { reason: "503", message: "status 503" } },
    { provider, type: provider, status: 200, durationMs: Math.max(0, latencyMs - 120), failure: null },
  ]);
}

function outcome(value: number): "ok" | "streamed" | "failover" | "refused" | "balance" | "upstream_error" {
  if (value < 0.03) return "refused";
  if (value < 0.035) return "balance";
  if (value < 0.05) return "upstream_error";
  if (value < 0.07) return "failover";
  return "ok";
}

/** How long before `end` a request happened: uniform over days, busier in (UTC) working hours. */
function daytimeOffset(random: () => number, span: number, end: Date): number {
  for (;;) {
    const offset = Math.floor(random() * span);
    const hour = new Date(end.getTime() - offset).getUTCHours();
    const busy = hour >= 8 && hour <= 18 ? 1 : 0.35;
    if (random() < busy) return offset;
  }
}
