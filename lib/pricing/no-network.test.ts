// Pricing must work offline: genai-prices can fetch fresh data, and that path must never run.
import net from "node:net";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

describe("pricing without network", () => {
  const attempts: string[] = [];

  beforeAll(() => {
    vi.stubGlobal("fetch", (input: unknown) => {
      attempts.push(String(input));
      throw new Error("network access is not allowed in pricing");
    });
    vi.spyOn(net.Socket.prototype, "connect").mockImplementation(function (this: net.Socket, ...args: unknown[]) {
      attempts.push(`socket ${JSON.stringify(args[0])}`);
      throw new Error("network access is not allowed in pricing");
    });
  });

  afterAll(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("prices from the bundled data without fetching, at import or when pricing", async () => {
    const { priceRequest, isModelPriced, estimateWorstCaseMicros } = await import("./index");
    expect(priceRequest({ providerType: "openai", model: "gpt-4o", usage: { inputTokens: 1000, outputTokens: 500 } }).costMicros).toBe(7500n);
    expect(isModelPriced("anthropic", "claude-sonnet-4-20250514")).toBe(true);
    expect(estimateWorstCaseMicros({ providerType: "google", model: "gemini-2.5-flash", inputTokensEstimate: 1, maxOutputTokens: 1 }).priced).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(attempts).toEqual([]);
  });

  it("never calls genai-prices' update API", () => {
    const folder = path.dirname(new URL(import.meta.url).pathname);
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
      const source = readFileSync(path.join(folder, file), "utf8").replace(/^\s*\/\/.*$/gm, "");
      expect(source, file).not.toMatch(/updatePrices|waitForUpdate|REMOTE_DATA_JSON_URL/);
    }
  });
});
