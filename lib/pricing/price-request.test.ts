import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { estimateWorstCaseMicros, isModelPriced, priceRequest, type CustomPrice } from "./index";

const usage = (inputTokens: number, outputTokens: number, cacheReadTokens = 0, cacheWriteTokens = 0) => ({
  inputTokens,
  outputTokens,
  cacheReadTokens,
  cacheWriteTokens,
});

describe("priceRequest with the genai-prices catalog", () => {
  it("prices gpt-4o at $2.50 / $10 per million, cached input at $1.25", () => {
    expect(priceRequest({ providerType: "openai", model: "gpt-4o", usage: usage(1000, 500) })).toEqual({ costMicros: 7500n, priced: true });
    // 600 uncached × 2.5 + 400 cached × 1.25 + 500 × 10
    expect(priceRequest({ providerType: "openai", model: "gpt-4o", usage: usage(1000, 500, 400) }).costMicros).toBe(7000n);
  });

  it("prices a dated snapshot like its model", () => {
    expect(priceRequest({ providerType: "openai", model: "gpt-4o-2024-08-06", usage: usage(1000, 500) }).costMicros).toBe(7500n);
  });

  it("keeps sub-micro prices exact and rounds half up once per request", () => {
    // gpt-4o-mini: $0.15 / $0.60 per million → 0.15 µ$ per input token.
    expect(priceRequest({ providerType: "openai", model: "gpt-4o-mini", usage: usage(1_000_000, 1_000_000) }).costMicros).toBe(750_000n);
    expect(priceRequest({ providerType: "openai", model: "gpt-4o-mini", usage: usage(10, 0) }).costMicros).toBe(2n); // 1.5 → 2
    expect(priceRequest({ providerType: "openai", model: "gpt-4o-mini", usage: usage(3, 0) }).costMicros).toBe(0n); // 0.45 → 0
    // 3 uncached (0.45) + 4 cached (0.3) = 0.75 → 1: summed before rounding (per part it would be 0 + 0).
    expect(priceRequest({ providerType: "openai", model: "gpt-4o-mini", usage: usage(7, 0, 4) }).costMicros).toBe(1n);
  });

  it("prices claude-sonnet-4 with cache reads and writes at their own rates", () => {
    // 7,000 uncached × 3 + 2,000 read × 0.3 + 1,000 written × 3.75 + 500 × 15
    const result = priceRequest({ providerType: "anthropic", model: "claude-sonnet-4-20250514", usage: usage(10_000, 500, 2000, 1000) });
    expect(result).toEqual({ costMicros: 32_850n, priced: true });
  });

  it("applies the long-context tier of claude-sonnet-4-5 above 200k input tokens", () => {
    expect(priceRequest({ providerType: "anthropic", model: "claude-sonnet-4-5", usage: usage(100_000, 1000) }).costMicros).toBe(315_000n);
    expect(priceRequest({ providerType: "anthropic", model: "claude-sonnet-4-5", usage: usage(250_000, 1000) }).costMicros).toBe(1_522_500n);
  });

  it("prices gemini-2.5-flash on Gemini API and Vertex alike", () => {
    for (const providerType of ["google", "google-vertex"]) {
      expect(priceRequest({ providerType, model: "gemini-2.5-flash", usage: usage(1000, 1000) })).toEqual({ costMicros: 2800n, priced: true });
    }
  });

  it("prices an Anthropic model by its Bedrock id", () => {
    const result = priceRequest({ providerType: "bedrock", model: "anthropic.claude-3-5-sonnet-20240620-v1:0", usage: usage(1000, 1000) });
    expect(result).toEqual({ costMicros: 18_000n, priced: true });
  });

  it("prices OpenAI models on Azure, Groq and Mistral models on their providers", () => {
    expect(priceRequest({ providerType: "azure", model: "gpt-4o", usage: usage(1000, 500) }).costMicros).toBe(7500n);
    expect(priceRequest({ providerType: "groq", model: "llama-3.3-70b-versatile", usage: usage(1_000_000, 0) }).costMicros).toBe(590_000n);
    expect(priceRequest({ providerType: "mistral", model: "mistral-large-latest", usage: usage(1_000_000, 0) }).costMicros).toBe(2_000_000n);
  });

  it("looks a model up by name alone on generic OpenAI-compatible servers", () => {
    expect(priceRequest({ providerType: "openai-compatible", model: "gpt-4o", usage: usage(1000, 500) }).costMicros).toBe(7500n);
    expect(priceRequest({ providerType: "openai-compatible", model: "openai/gpt-4o", usage: usage(1000, 500) }).costMicros).toBe(7500n);
    expect(priceRequest({ providerType: "ollama", model: "llama3.2", usage: usage(1000, 500) })).toEqual({ costMicros: 0n, priced: false });
  });

  it("uses the Hugging Face router's backend suffix", () => {
    const result = priceRequest({ providerType: "huggingface", model: "meta-llama/Llama-3.3-70B-Instruct:groq", usage: usage(1_000_000, 0) });
    expect(result).toEqual({ costMicros: 590_000n, priced: true });
  });

  it("does not price a model on a provider that does not serve it", () => {
    expect(priceRequest({ providerType: "anthropic", model: "gpt-4o", usage: usage(1000, 500) }).priced).toBe(false);
  });

  it("reports unknown models as unpriced with zero cost", () => {
    expect(priceRequest({ providerType: "openai", model: "my-fine-tune-that-does-not-exist", usage: usage(1000, 1000) })).toEqual({
      costMicros: 0n,
      priced: false,
    });
    expect(priceRequest({ providerType: "openai", model: null, usage: usage(1000, 1000) }).priced).toBe(false);
  });

  it("agrees with genai-prices' own (float) totals to well under a micro-USD", () => {
    const cases = [
      { providerType: "openai", providerId: "openai", model: "gpt-4o-mini", usage: usage(123_457, 9_876, 20_000) },
      { providerType: "anthropic", providerId: "anthropic", model: "claude-sonnet-4-20250514", usage: usage(54_321, 1_234, 10_000, 5_000) },
      { providerType: "google", providerId: "google", model: "gemini-2.5-flash", usage: usage(777_777, 33_333, 111_111) },
    ];
    for (const example of cases) {
      const ours = priceRequest(example).costMicros;
      const theirs = calcPrice(
        {
          input_tokens: example.usage.inputTokens,
          output_tokens: example.usage.outputTokens,
          cache_read_tokens: example.usage.cacheReadTokens,
          cache_write_tokens: example.usage.cacheWriteTokens,
        },
        example.model,
        { providerId: example.providerId },
      );
      expect(Math.abs(Number(ours) - theirs!.total_price * 1_000_000)).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });
});

describe("custom prices", () => {
  const customPrices: CustomPrice[] = [
    { model: "gpt-4o", inputPerMillionMicros: 1_000_000n, outputPerMillionMicros: 2_000_000n },
    { model: "house-model", inputPerMillionMicros: 500_000n, outputPerMillionMicros: 1_500_000n, cacheReadPerMillionMicros: 50_000n },
  ];

  it("win over the catalog", () => {
    expect(priceRequest({ providerType: "openai", model: "gpt-4o", usage: usage(1000, 1000), customPrices })).toEqual({
      costMicros: 3000n,
      priced: true,
    });
  });

  it("cover dated snapshots of the priced model", () => {
    expect(priceRequest({ providerType: "openai", model: "gpt-4o-2024-08-06", usage: usage(1000, 1000), customPrices }).costMicros).toBe(3000n);
  });

  it("price self-hosted models the catalog does not know, with cache reads at their price", () => {
    // 1,000 uncached × 0.5 + 1,000 cached × 0.05 + 1,000 × 1.5
    const result = priceRequest({ providerType: "ollama", model: "house-model", usage: usage(2000, 1000, 1000), customPrices });
    expect(result).toEqual({ costMicros: 2050n, priced: true });
  });

  it("bill cache reads as input when no cache price is set", () => {
    expect(priceRequest({ providerType: "openai", model: "gpt-4o", usage: usage(1000, 0, 600), customPrices }).costMicros).toBe(1000n);
  });

  it("leave other models to the catalog", () => {
    expect(priceRequest({ providerType: "openai", model: "gpt-4o-mini", usage: usage(1_000_000, 0), customPrices }).costMicros).toBe(150_000n);
  });
});

describe("isModelPriced", () => {
  it("knows catalog and custom models and refuses unknown ones", () => {
    expect(isModelPriced("openai", "gpt-4o")).toBe(true);
    expect(isModelPriced("ollama", "llama3.2")).toBe(false);
    expect(isModelPriced("ollama", "llama3.2", [{ model: "llama3.2", inputPerMillionMicros: 0n, outputPerMillionMicros: 0n }])).toBe(true);
    expect(isModelPriced("openai", undefined)).toBe(false);
  });
});

describe("estimateWorstCaseMicros", () => {
  it("prices the input estimate plus the full output cap", () => {
    // 1,000 × 2.5 + 4,096 × 10
    const result = estimateWorstCaseMicros({ providerType: "openai", model: "gpt-4o", inputTokensEstimate: 1000, maxOutputTokens: 4096 });
    expect(result).toEqual({ costMicros: 43_460n, priced: true });
  });

  it("rounds up so a reservation is never below the recorded cost", () => {
    const estimate = estimateWorstCaseMicros({ providerType: "openai", model: "gpt-4o-mini", inputTokensEstimate: 3, maxOutputTokens: 0 });
    expect(estimate.costMicros).toBe(1n);
  });

  it("is zero and unpriced for an unknown model", () => {
    const result = estimateWorstCaseMicros({ providerType: "ollama", model: "llama3.2", inputTokensEstimate: 1000, maxOutputTokens: 4096 });
    expect(result).toEqual({ costMicros: 0n, priced: false });
  });

  it("uses custom prices", () => {
    const customPrices = [{ model: "house-model", inputPerMillionMicros: 1_000_000n, outputPerMillionMicros: 3_000_000n }];
    const result = estimateWorstCaseMicros({ providerType: "ollama", model: "house-model", inputTokensEstimate: 10, maxOutputTokens: 100, customPrices });
    expect(result).toEqual({ costMicros: 310n, priced: true });
  });
});
