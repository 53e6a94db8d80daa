import { describe, expect, it } from "vitest";
import { readFixtureJson } from "../test-support/fixtures";
import { geminiUsageFromJson } from "./usage";

const fixture = (name: string) => readFixtureJson(import.meta.dirname, name);

describe("geminiUsageFromJson", () => {
  it("counts thinking tokens as output", () => {
    expect(geminiUsageFromJson(fixture("generate-content.json"))).toEqual({
      inputTokens: 9,
      outputTokens: 17 + 586,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 586,
      model: "gemini-2.5-flash",
      responseId: "dCdoaPKmK5Gi7dcP3dvA0Qk",
      finishReasons: ["STOP"],
    });
  });

  it("keeps cached tokens inside the input count and reports them as cache reads", () => {
    expect(geminiUsageFromJson(fixture("generate-content-cached.json"))).toMatchObject({
      inputTokens: 20491,
      outputTokens: 14,
      cacheReadTokens: 20480,
      model: "gemini-2.0-flash-001",
    });
  });

  it("adds tool-use prompt tokens (search grounding) to the input", () => {
    const body = { usageMetadata: { promptTokenCount: 10, toolUsePromptTokenCount: 250, candidatesTokenCount: 5 } };
    expect(geminiUsageFromJson(body)).toMatchObject({ inputTokens: 260, outputTokens: 5 });
  });

  it("reads a whole JSON-array stream: the last usage wins", () => {
    const chunks = fixture("stream-generate-content-array.chunks.txt");
    expect(geminiUsageFromJson(chunks)).toMatchObject({ inputTokens: 11, outputTokens: 27 + 263, finishReasons: ["STOP"] });
  });

  it("charges nothing for countTokens", () => {
    expect(geminiUsageFromJson(fixture("count-tokens.json"))).toEqual({
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
  });

  it("reads Vertex :predict embedding statistics", () => {
    const body = {
      predictions: [
        { embeddings: { values: [0.1], statistics: { token_count: 7, truncated: false } } },
        { embeddings: { values: [0.2], statistics: { token_count: 5, truncated: false } } },
      ],
    };
    expect(geminiUsageFromJson(body)).toMatchObject({ inputTokens: 12, outputTokens: 0 });
  });

  it("returns null when the body says nothing about usage (embedContent) or is not a Gemini body", () => {
    expect(geminiUsageFromJson(fixture("embed-content.json"))).toBeNull();
    expect(geminiUsageFromJson(fixture("batch-embed-contents.json"))).toBeNull();
    for (const garbage of [null, undefined, 42, "text", [], { candidates: "nope" }, { usageMetadata: "nope" }]) {
      expect(geminiUsageFromJson(garbage)).toBeNull();
    }
  });

  it("tolerates a mistyped field by dropping only that field", () => {
    const body = { usageMetadata: { promptTokenCount: 4, candidatesTokenCount: "many" }, modelVersion: 12 };
    expect(geminiUsageFromJson(body)).toEqual({ inputTokens: 4, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });
  });
});
