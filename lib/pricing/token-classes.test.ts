import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { estimateWorstCaseMicros, isModelPriced, priceRequest, type CustomPrice, type TokenUsage } from "./index";

describe("token classes at their own catalog rates", () => {
  it("bills Anthropic 1-hour cache writes at the 1h rate and the rest at the 5-minute rate", () => {
    // claude-haiku-4-5: input $1, 5m write $1.25, 1h write $2, read $0.10, output $5 per million.
    const usage: TokenUsage = { inputTokens: 10_000, outputTokens: 1000, cacheReadTokens: 2000, cacheWriteTokens: 3000, cacheWrite1hTokens: 1000 };
    // 5,000 uncached × 1 + 2,000 × 0.1 + 2,000 (5m) × 1.25 + 1,000 (1h) × 2 + 1,000 × 5
    expect(priceRequest({ providerType: "anthropic", model: "claude-haiku-4-5", usage }).costMicros).toBe(5000n + 200n + 2500n + 2000n + 5000n);
    const allFiveMinute = priceRequest({ providerType: "anthropic", model: "claude-haiku-4-5", usage: { ...usage, cacheWrite1hTokens: 0 } });
    expect(allFiveMinute.costMicros).toBe(5000n + 200n + 3750n + 5000n);
  });

  it("applies the long-context tier to 1h cache writes too", () => {
    const usage: TokenUsage = { inputTokens: 250_000, outputTokens: 0, cacheWriteTokens: 100_000, cacheWrite1hTokens: 100_000 };
    // claude-sonnet-4-5 above 200k: input $6, 1h write $12 → 150,000 × 6 + 100,000 × 12
    expect(priceRequest({ providerType: "anthropic", model: "claude-sonnet-4-5", usage }).costMicros).toBe(900_000n + 1_200_000n);
  });

  it("bills Gemini audio input and cached audio at their own rates", () => {
    // gemini-2.5-flash: input $0.30, audio $1, cache read $0.03, cached audio $0.10, output $2.50.
    const usage: TokenUsage = { inputTokens: 10_000, outputTokens: 1000, cacheReadTokens: 4000, cacheAudioReadTokens: 1000, inputAudioTokens: 3000 };
    // text uncached 10,000 − 3,000 (cache text) − 1,000 (cached audio) − 2,000 (uncached audio) = 4,000
    // 4,000 × 0.3 + 3,000 × 0.03 + 1,000 × 0.1 + 2,000 × 1 + 1,000 × 2.5 = 1200 + 90 + 100 + 2000 + 2500
    expect(priceRequest({ providerType: "google", model: "gemini-2.5-flash", usage }).costMicros).toBe(5890n);
  });

  it("prices whisper by the duration of the audio", () => {
    // whisper-1: $0.36 per hour = $0.006 per minute.
    expect(priceRequest({ providerType: "openai", model: "whisper-1", usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 60 } }).costMicros).toBe(6000n);
    expect(priceRequest({ providerType: "openai", model: "whisper-1", usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 1.5 } }).costMicros).toBe(150n);
    expect(isModelPriced("openai", "whisper-1")).toBe(true);
  });

  it("agrees with genai-prices' own (float) totals for every class", () => {
    const cases = [
      { providerType: "anthropic", providerId: "anthropic", model: "claude-opus-4-1-20250805", usage: { inputTokens: 54_321, outputTokens: 1_234, cacheReadTokens: 10_000, cacheWriteTokens: 5_000, cacheWrite1hTokens: 2_000 } },
      { providerType: "google", providerId: "google", model: "gemini-2.5-flash", usage: { inputTokens: 777_777, outputTokens: 33_333, cacheReadTokens: 111_111, inputAudioTokens: 5_555, cacheAudioReadTokens: 1_111, reasoningTokens: 3_000 } },
      { providerType: "openai", providerId: "openai", model: "whisper-1", usage: { inputTokens: 0, outputTokens: 0, audioSeconds: 754.25 } },
    ];
    for (const example of cases) {
      const ours = priceRequest(example).costMicros;
      const usage = example.usage as TokenUsage;
      const theirs = calcPrice(
        {
          input_tokens: usage.inputTokens,
          output_tokens: usage.outputTokens,
          cache_read_tokens: usage.cacheReadTokens,
          cache_write_tokens: usage.cacheWriteTokens,
          cache_write_1h_tokens: usage.cacheWrite1hTokens,
          input_audio_tokens: usage.inputAudioTokens,
          cache_audio_read_tokens: usage.cacheAudioReadTokens,
          output_reasoning_tokens: usage.reasoningTokens,
          audio_seconds: usage.audioSeconds,
          input_audio_seconds: usage.audioSeconds,
        },
        example.model,
        { providerId: example.providerId },
      );
      expect(Math.abs(Number(ours) - theirs!.total_price * 1_000_000), example.model).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });
});

describe("the provider's base URL picks the host's price", () => {
  it("prices an OVHcloud-hosted gpt-oss at OVHcloud's rate, not OpenAI's", () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    const ovh = "https://oai.endpoints.kepler.ai.cloud.ovh.net/v1";
    // OVHcloud: $0.09 / $0.47 per million.
    expect(priceRequest({ providerType: "openai-compatible", model: "gpt-oss-120b", usage, providerBaseUrl: ovh }).costMicros).toBe(560_000n);
    const byName = priceRequest({ providerType: "openai-compatible", model: "gpt-oss-120b", usage });
    expect(byName.priced).toBe(true);
    expect(byName.costMicros).not.toBe(560_000n);
    // A host genai-prices does not know falls back to the model name.
    expect(priceRequest({ providerType: "openai-compatible", model: "gpt-oss-120b", usage, providerBaseUrl: "http://127.0.0.1:9/v1" })).toEqual(byName);
  });

  it("prices Claude on Vertex", () => {
    expect(isModelPriced("google-vertex", "claude-sonnet-4")).toBe(true);
    expect(isModelPriced("google-vertex", "claude-sonnet-4@20250514")).toBe(true);
  });
});

describe("custom prices per token class", () => {
  const prices: CustomPrice[] = [
    {
      model: "house-claude",
      inputPerMillionMicros: 1_000_000n,
      outputPerMillionMicros: 5_000_000n,
      cacheReadPerMillionMicros: 100_000n,
      cacheWritePerMillionMicros: 1_250_000n,
      cacheWrite1hPerMillionMicros: 2_000_000n,
      reasoningPerMillionMicros: 3_000_000n,
    },
    { model: "house-whisper", inputPerMillionMicros: 0n, outputPerMillionMicros: 0n, perMinuteMicros: 6_000n },
    { model: "plain", inputPerMillionMicros: 1_000_000n, outputPerMillionMicros: 2_000_000n },
  ];

  it("bill each class at its custom rate", () => {
    const usage: TokenUsage = { inputTokens: 6000, outputTokens: 2000, cacheReadTokens: 1000, cacheWriteTokens: 2000, cacheWrite1hTokens: 1000, reasoningTokens: 500 };
    // 3,000 × 1 + 1,000 × 0.1 + 1,000 × 1.25 + 1,000 × 2 + 1,500 × 5 + 500 × 3
    expect(priceRequest({ providerType: "ollama", model: "house-claude", usage, customPrices: prices }).costMicros).toBe(3000n + 100n + 1250n + 2000n + 7500n + 1500n);
  });

  it("bill classes without a custom rate as their parent class", () => {
    const usage: TokenUsage = { inputTokens: 6000, outputTokens: 2000, cacheReadTokens: 1000, cacheWriteTokens: 2000, cacheWrite1hTokens: 1000, reasoningTokens: 500 };
    expect(priceRequest({ providerType: "ollama", model: "plain", usage, customPrices: prices }).costMicros).toBe(6000n + 4000n);
  });

  it("bill audio per minute", () => {
    const usage = { inputTokens: 0, outputTokens: 0, audioSeconds: 90 };
    expect(priceRequest({ providerType: "openai-compatible", model: "house-whisper", usage, customPrices: prices }).costMicros).toBe(9000n);
  });

  it("reserve the whole input at the uncached rate", () => {
    const estimate = estimateWorstCaseMicros({ providerType: "ollama", model: "house-claude", inputTokensEstimate: 1000, maxOutputTokens: 100, customPrices: prices });
    expect(estimate).toEqual({ costMicros: 1500n, priced: true });
  });
});
