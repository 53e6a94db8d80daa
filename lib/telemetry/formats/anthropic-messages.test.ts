import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anthropicMessagesFormat } from "./anthropic-messages";

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../proxy/providers/anthropic/fixtures", name), "utf8")) as unknown;

describe("Anthropic messages in the GenAI message format", () => {
  it("takes `system` as system instructions, as a string or as text blocks", () => {
    expect(anthropicMessagesFormat.inputContent({ system: "Be terse.", messages: [] }).systemInstructions).toEqual([{ type: "text", content: "Be terse." }]);
    expect(anthropicMessagesFormat.inputContent({ system: [{ type: "text", text: "A" }, { type: "text", text: "B", cache_control: { type: "ephemeral" } }] }).systemInstructions).toEqual([
      { type: "text", content: "A" },
      { type: "text", content: "B" },
    ]);
  });

  it("maps images, tool use, tool results and thinking blocks", () => {
    const request = {
      messages: [
        {
          role: "user",
          content: [
            { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "/9j/4AAQ" } },
            { type: "document", source: { type: "url", url: "https://example.com/a.pdf" } },
            { type: "text", text: "Summarise both." },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "I should look it up.", signature: "sig" },
            { type: "tool_use", id: "toolu_1", name: "search", input: { q: "a.pdf" } },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "found" }] }] },
      ],
    };
    expect(anthropicMessagesFormat.inputContent(request).messages).toEqual([
      {
        role: "user",
        parts: [
          { type: "blob", modality: "image", mime_type: "image/jpeg", content: "/9j/4AAQ" },
          { type: "uri", modality: "document", mime_type: null, uri: "https://example.com/a.pdf" },
          { type: "text", content: "Summarise both." },
        ],
      },
      {
        role: "assistant",
        parts: [
          { type: "reasoning", content: "I should look it up." },
          { type: "tool_call", id: "toolu_1", name: "search", arguments: { q: "a.pdf" } },
        ],
      },
      { role: "user", parts: [{ type: "tool_call_response", id: "toolu_1", response: "found" }] },
    ]);
  });

  it("maps a recorded Message answer, end_turn becoming stop", () => {
    expect(anthropicMessagesFormat.outputMessages(fixture("messages.json"))).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "Hello! It's nice to meet you. How can I help you today?" }], finish_reason: "stop" },
    ]);
  });

  it("maps stop reasons and reads the sampling parameters", () => {
    expect(["end_turn", "max_tokens", "tool_use", "refusal", "pause_turn"].map(anthropicMessagesFormat.finishReason)).toEqual([
      "stop",
      "length",
      "tool_call",
      "content_filter",
      "pause_turn",
    ]);
    expect(anthropicMessagesFormat.requestParameters({ max_tokens: 1024, temperature: 1, top_p: 0.9, top_k: 5, stop_sequences: ["\n\nHuman:"] })).toEqual({
      maxTokens: 1024,
      temperature: 1,
      topP: 0.9,
      topK: 5,
      stopSequences: ["\n\nHuman:"],
    });
  });
});
