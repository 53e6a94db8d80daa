// What every provider test file sets up and looks up the same way: a gateway in
// manual setup with the file's providers and one project key; the usage row a
// proxied request left, found by its x-gateway-request-id; the row a metered
// request should leave; the headers the gateway adds to an answer; and the cost
// the genai-prices catalog charges when a provider sets no prices.
// Call useTestDatabase() first.
import { expect } from "vitest";
import { microsToUsd } from "@/lib/money";
import { priceRequest, type TokenUsage } from "@/lib/pricing";
import type { ProviderType } from "@/lib/providers/schemas";
import type { UsageItem } from "@/lib/usage/schemas";
import { flushUsage, startTestGateway, type TestGateway } from "./gateway";

/** A POST /api/v1/providers body. */
export type ProviderBody = { slug: string } & Record<string, unknown>;

export interface ProviderGateway {
  gateway: TestGateway;
  /** The secret of the project key the tests call with. */
  gatewayKey: string;
  keyId: string;
}

/** Starts a gateway in manual setup, registers `providers` and creates the project key `keyName`. */
export async function startGatewayWithProviders(keyName: string, providers: ProviderBody[] = []): Promise<ProviderGateway> {
  const gateway = await startTestGateway();
  expect((await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" })).status).toBe(200);
  await addProviders(gateway, providers);
  const key = await gateway.api("POST", "/api/v1/keys", { name: keyName, kind: "project" });
  expect(key.status).toBe(201);
  return { gateway, gatewayKey: key.body.secret, keyId: key.body.id };
}

/** Registers each provider; every one must be created. */
export async function addProviders(gateway: TestGateway, providers: ProviderBody[]): Promise<void> {
  for (const provider of providers) {
    const answer = await gateway.api("POST", "/api/v1/providers", provider);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  }
}

/** The usage row of one proxied request, found by the x-gateway-request-id it answered with. */
export async function usageRowOf(gateway: TestGateway, requestId: string | null | undefined): Promise<UsageItem> {
  expect(requestId, "x-gateway-request-id").toBeTruthy();
  await flushUsage();
  const answer = await gateway.api<{ items: UsageItem[] }>("GET", "/api/v1/usage?limit=500");
  expect(answer.status).toBe(200);
  const row = answer.body.items.find((item) => item.id === requestId);
  expect(row, `usage row for request ${requestId}`).toBeDefined();
  return row!;
}

/** The usage row of a request to `route` that succeeded and was metered at `costUsd`. */
export function meteredRow(route: string, model: string, usage: TokenUsage, costUsd: number) {
  return { provider: route, route, model, status: 200, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, costUsd, error: null };
}

/** The gateway's own headers on an answer from `route`. */
export function expectGatewayHeaders(headers: Headers, route: string, kind: "json" | "stream"): void {
  expect(headers.get("x-gateway-provider")).toBe(route);
  expect(headers.get("x-gateway-request-id")).toBeTruthy();
  // The cost of a stream is known only once it ends, after the headers left.
  if (kind === "stream") expect(headers.get("x-gateway-cost-usd")).toBeNull();
}

/**
 * What the genai-prices catalog charges for `usage`, once checked to be a real price
 * that differs from the custom one: so a custom-price test cannot pass on the catalog's.
 */
export function catalogCostUsd(providerType: ProviderType, model: string, usage: TokenUsage, customCostUsd: number): number {
  const expected = priceRequest({ providerType, model, usage });
  expect(expected.priced).toBe(true);
  expect(expected.costMicros).toBeGreaterThan(0n);
  expect(microsToUsd(expected.costMicros)).not.toBe(customCostUsd);
  return microsToUsd(expected.costMicros);
}
