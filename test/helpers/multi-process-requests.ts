// Requests and usage reads shared by the tests of several processes on one database.
import { expect } from "vitest";
import { flushUsage, type TestGateway } from "./gateway";

export interface UsageItem {
  id: string;
  costUsd: number;
  status: number;
}

/** One chat completion (JSON or streamed, read to its end); answers the status. */
export async function chat(proxyUrl: string, secret: string, stream = false, route = "byok"): Promise<number> {
  const response = await fetch(`${proxyUrl}/${route}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", max_tokens: 20, stream, messages: [{ role: "user", content: "Hi" }] }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Usage rows of a key once `expected` have arrived (other processes write theirs on their own schedule). */
export async function usageOf(gateway: TestGateway, keyId: string, expected: number): Promise<UsageItem[]> {
  let items: UsageItem[] = [];
  for (let attempt = 0; attempt < 100; attempt++) {
    await flushUsage();
    items = (await gateway.api("GET", `/api/v1/usage?key=${keyId}&limit=500`)).body.items;
    if (items.length >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return items;
}

export const spendOf = (items: Array<{ costUsd: number }>) => items.reduce((sum, item) => sum + item.costUsd, 0);

/** Sequential requests until the first refusal: how many passed. */
export async function spendUntilRefused(proxyUrl: string, secret: string): Promise<number> {
  let passed = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const status = await chat(proxyUrl, secret);
    if (status !== 200) {
      expect(status).toBe(429);
      return passed;
    }
    passed++;
  }
  throw new Error("the limit never refused");
}
