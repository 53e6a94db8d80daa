import { describe, expect, it } from "vitest";
import { readFixtureJson } from "../test-support/fixtures";
import { bedrockUsageFromJson } from "./usage";

const fixture = (name: string) => readFixtureJson(import.meta.dirname, name);

describe("bedrockUsageFromJson", () => {
  it("reads Converse usage, counting cache reads inside the input", () => {
    expect(bedrockUsageFromJson(fixture("converse.json"))).toEqual({
      inputTokens: 18 + 1536,
      outputTokens: 10,
      cacheReadTokens: 1536,
      cacheWriteTokens: 0,
      finishReasons: ["end_turn"],
    });
  });

  it("reads Claude invoke bodies (Anthropic's format), cache writes included", () => {
    expect(bedrockUsageFromJson(fixture("invoke-anthropic.json"))).toEqual({
      inputTokens: 12 + 2048,
      outputTokens: 12,
      cacheReadTokens: 0,
      cacheWriteTokens: 2048,
      model: "claude-3-5-haiku-20241022",
      responseId: "msg_bdrk_01Xv3hE8hQ8nYcC4hD7n1s2K",
      finishReasons: ["end_turn"],
    });
  });

  it("reads the other model families' invoke bodies", () => {
    expect(bedrockUsageFromJson(fixture("invoke-nova.json"))).toMatchObject({ inputTokens: 5, outputTokens: 4 });
    expect(bedrockUsageFromJson(fixture("invoke-llama.json"))).toMatchObject({ inputTokens: 21, outputTokens: 5, finishReasons: ["stop"] });
    expect(bedrockUsageFromJson(fixture("invoke-titan-text.json"))).toMatchObject({ inputTokens: 6, outputTokens: 14, finishReasons: ["FINISH"] });
    expect(bedrockUsageFromJson(fixture("invoke-titan-embed.json"))).toMatchObject({ inputTokens: 9, outputTokens: 0 });
    const openAiStyle = { id: "chatcmpl-1", model: "openai.gpt-oss-20b-1:0", choices: [], usage: { prompt_tokens: 40, completion_tokens: 8 } };
    expect(bedrockUsageFromJson(openAiStyle)).toMatchObject({ inputTokens: 40, outputTokens: 8, model: "openai.gpt-oss-20b-1:0" });
  });

  it("returns null for bodies without usage, and never throws", () => {
    for (const body of [null, undefined, 7, "x", [], { message: "ValidationException" }, { embeddings: [[0.1]] }, { usage: {} }, { usage: "lots" }]) {
      expect(bedrockUsageFromJson(body)).toBeNull();
    }
  });
});
