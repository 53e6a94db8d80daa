// "Test connection" for a provider: list its models through the adapter or,
// when listing is not possible (no listing, or it failed), send a one-token
// request so the answer says what is wrong (bad key, unknown model, unreachable).
// The adapter comes from the caller: lib/ does not import the proxy engine.
import { z } from "zod";
import { defineOperation } from "../api/operation";
import { notFound } from "../api/errors";
import { decryptJson } from "../crypto";
import { db } from "../db";
import { findBuiltinProvider } from "./builtin";
import { ANTHROPIC_VERSION, descriptorOf } from "./descriptors";
import type { ProviderCredentials } from "./schemas";

export const testConnectionSchema = z
  .object({ model: z.string().trim().min(1).max(200).optional().describe("model for the one-token request when models cannot be listed") })
  .strict();

export const testConnectionResponseSchema = z.object({
  ok: z.boolean(),
  /** How the provider was reached: its models listing, or a one-token request. */
  method: z.enum(["list-models", "request"]),
  models: z.array(z.string()).optional(),
  /** The model of the one-token request. */
  model: z.string().optional(),
  latencyMs: z.number(),
  error: z.string().optional(),
});
export type TestConnectionResult = z.infer<typeof testConnectionResponseSchema>;

export const testProviderConnectionOperation = defineOperation({
  method: "POST",
  path: "/api/v1/providers/{slug}/test",
  summary: "Test a provider's credentials: list its models, or send a one-token request",
  tag: "Providers",
  admin: true,
  body: testConnectionSchema,
  response: testConnectionResponseSchema,
});

/** The provider as adapters take it (structurally proxy/providers/types.ts ProviderConfig). */
export interface ProbeProviderConfig {
  type: string;
  slug: string;
  baseUrl?: string;
  credentials: Record<string, string | undefined>;
}

/** The part of a provider adapter this needs. */
export interface ProbeAdapter {
  listModels?(provider: ProbeProviderConfig): Promise<string[] | null>;
  buildUpstreamRequest(input: {
    method: string;
    path: string;
    search: string;
    headers: Headers;
    body: Uint8Array | null;
    provider: ProbeProviderConfig;
  }): Promise<{ url: string; headers: Headers; body: Uint8Array | null }>;
}

const REQUEST_TIMEOUT_MS = 15_000;


export async function testProviderConnection(
  organizationId: string,
  slug: string,
  input: z.infer<typeof testConnectionSchema>,
  adapterFor: (type: string) => ProbeAdapter | undefined,
): Promise<TestConnectionResult> {
  const { config, pricedModels } = await loadProvider(organizationId, slug);
  const adapter = adapterFor(config.type);
  if (!adapter) return { ok: false, method: "request", latencyMs: 0, error: `This server has no adapter for type '${config.type}'` };

  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (adapter.listModels && !input.model) {
    const models = await adapter.listModels(config).catch(() => null);
    if (models) return { ok: true, method: "list-models", models: [...new Set(models)].sort(), latencyMs: elapsed() };
  }

  const model = input.model ?? pricedModels[0] ?? descriptorOf(config.type)?.probeModel;
  if (!model) {
    return {
      ok: false,
      method: "request",
      latencyMs: elapsed(),
      error: "The provider's models could not be listed and there is no model to try: add a price for a model, then test again.",
    };
  }
  return { ...(await sendOneTokenRequest(adapter, config, model, performance.now())), model };
}

async function sendOneTokenRequest(adapter: ProbeAdapter, config: ProbeProviderConfig, model: string, started: number): Promise<TestConnectionResult> {
  const probe = probeRequest(config.type, model);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const upstream = await adapter.buildUpstreamRequest({
      method: "POST",
      path: probe.path,
      search: "",
      headers: new Headers({ "content-type": "application/json", accept: "application/json", ...probe.headers }),
      body: new TextEncoder().encode(JSON.stringify(probe.body)),
      provider: config,
    });
    // Adapters set content-length for the proxy's own HTTP client; Node's fetch refuses a caller-set
    // one ("invalid content-length header") and computes it from the body itself.
    const headers = new Headers(upstream.headers);
    headers.delete("content-length");
    const response = await fetch(upstream.url, {
      method: "POST",
      headers,
      body: upstream.body ? new Uint8Array(upstream.body) : null,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.ok) return { ok: true, method: "request", latencyMs: elapsed() };
    return { ok: false, method: "request", latencyMs: elapsed(), error: `The provider answered ${response.status}: ${upstreamMessage(text)}` };
  } catch (error) {
    return { ok: false, method: "request", latencyMs: elapsed(), error: `Could not reach the provider: ${describeFailure(error)}` };
  }
}

/** The smallest request each wire format accepts: one user word, at most one output token. */
function probeRequest(type: string, model: string): { path: string; body: unknown; headers?: Record<string, string> } {
  switch (descriptorOf(type)?.wireFamily) {
    case "anthropic":
      return {
        path: "v1/messages",
        headers: { "anthropic-version": ANTHROPIC_VERSION },
        body: { model, max_tokens: 1, messages: [{ role: "user", content: "ping" }] },
      };
    case "google":
      return {
        path: `v1beta/models/${encodeURIComponent(model)}:generateContent`,
        body: { contents: [{ role: "user", parts: [{ text: "ping" }] }], generationConfig: { maxOutputTokens: 1 } },
      };
    case "bedrock":
      return {
        path: `model/${encodeURIComponent(model)}/converse`,
        body: { messages: [{ role: "user", content: [{ text: "ping" }] }], inferenceConfig: { maxTokens: 1 } },
      };
    default:
      return { path: "chat/completions", body: { model, max_tokens: 1, messages: [{ role: "user", content: "ping" }] } };
  }
}

/** The message inside any of the wire formats' error bodies, else the start of the body. */
function upstreamMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; Message?: unknown };
    const message = typeof body.error === "object" ? body.error?.message : (body.error ?? body.message ?? body.Message);
    if (typeof message === "string" && message) return message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.trim().slice(0, 300) || "no details";
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error && cause.message) return cause.message;
    return error.message;
  }
  return String(error);
}

/** The provider with decrypted credentials, activated or not (a built-in one may be tested before activation). */
async function loadProvider(organizationId: string, slug: string): Promise<{ config: ProbeProviderConfig; pricedModels: string[] }> {
  const row = await db.provider.findUnique({
    where: { organizationId_slug: { organizationId, slug } },
    select: { slug: true, type: true, kind: true, baseUrl: true, encryptedCredentials: true, prices: { select: { model: true }, orderBy: { model: "asc" } } },
  });
  const builtin = findBuiltinProvider(slug);
  if (row?.kind === "built-in" || (!row && builtin)) {
    if (!builtin) throw notFound(`Provider '${slug}'`);
    return {
      config: { type: builtin.type, slug, baseUrl: builtin.baseUrl, credentials: { apiKey: builtin.apiKey } },
      pricedModels: row?.prices.map((price) => price.model) ?? [],
    };
  }
  if (!row) throw notFound(`Provider '${slug}'`);
  const credentials = row.encryptedCredentials ? decryptJson<ProviderCredentials>(row.encryptedCredentials) : {};
  return {
    config: { type: row.type, slug: row.slug, baseUrl: row.baseUrl ?? undefined, credentials },
    pricedModels: row.prices.map((price) => price.model),
  };
}
