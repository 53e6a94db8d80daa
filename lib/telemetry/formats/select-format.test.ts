import { describe, expect, it } from "vitest";
import { wireFormatFor } from "./select-format";

describe("wireFormatFor", () => {
  it.each([
    ["openai", "chat/completions", "openai-chat"],
    ["groq", "v1/chat/completions", "openai-chat"],
    ["openai-compatible", "completions", "openai-chat"],
    ["azure", "responses", "openai-responses"],
    ["anthropic", "v1/messages", "anthropic-messages"],
    ["google", "v1beta/models/gemini-2.5-flash:streamGenerateContent", "gemini-generate-content"],
    ["google-vertex", "v1/projects/p/locations/l/publishers/google/models/gemini-2.5-pro:generateContent", "gemini-generate-content"],
    ["bedrock", "model/anthropic.claude-3-haiku%3A0/converse-stream", "bedrock-converse"],
  ])("%s %s speaks %s", (type, path, format) => {
    expect(wireFormatFor(type, path)?.name).toBe(format);
  });

  it.each([
    ["openai", "embeddings"],
    ["openai", "models"],
    ["anthropic", "v1/messages/count_tokens"],
    ["google", "v1beta/models/gemini-embedding-001:embedContent"],
    ["bedrock", "model/amazon.titan-embed-text-v2:0/invoke"],
  ])("%s %s has no messages to capture", (type, path) => {
    expect(wireFormatFor(type, path)).toBeNull();
  });
});
