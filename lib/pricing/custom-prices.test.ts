import { describe, expect, it } from "vitest";
import { findCustomPrice, modelBaseName } from "./custom-prices";

describe("modelBaseName", () => {
  it("strips snapshot and version suffixes", () => {
    expect(modelBaseName("gpt-4o-2024-08-06")).toBe("gpt-4o");
    expect(modelBaseName("claude-3-5-sonnet-20240620")).toBe("claude-3-5-sonnet");
    expect(modelBaseName("claude-3-5-sonnet@20240620")).toBe("claude-3-5-sonnet");
    expect(modelBaseName("anthropic.claude-3-5-sonnet-20240620-v1:0")).toBe("anthropic.claude-3-5-sonnet");
    expect(modelBaseName("gemini-1.5-pro-002")).toBe("gemini-1.5-pro");
    expect(modelBaseName("mistral-large-latest")).toBe("mistral-large");
  });

  it("keeps names that are other models", () => {
    expect(modelBaseName("claude-3-5-sonnet-v2@20241022")).toBe("claude-3-5-sonnet-v2");
    expect(modelBaseName("gpt-4o-mini")).toBe("gpt-4o-mini");
  });
});

describe("findCustomPrice", () => {
  const prices = [
    { model: "gpt-4o", inputPerMillionMicros: 1n, outputPerMillionMicros: 1n },
    { model: "gpt-4o-2024-05-13", inputPerMillionMicros: 2n, outputPerMillionMicros: 2n },
    { model: "Llama-Local", inputPerMillionMicros: 3n, outputPerMillionMicros: 3n },
  ];

  it("prefers the exact id, then ignores case, then version suffixes", () => {
    expect(findCustomPrice(prices, "gpt-4o-2024-05-13")?.inputPerMillionMicros).toBe(2n);
    expect(findCustomPrice(prices, "gpt-4o-2024-08-06")?.inputPerMillionMicros).toBe(1n);
    expect(findCustomPrice(prices, "llama-local")?.inputPerMillionMicros).toBe(3n);
    expect(findCustomPrice(prices, "gpt-4o-mini")).toBeNull();
    expect(findCustomPrice(undefined, "gpt-4o")).toBeNull();
  });
});
