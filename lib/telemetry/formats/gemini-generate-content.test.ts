import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { geminiGenerateContentFormat } from "./gemini-generate-content";

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../proxy/providers/google/fixtures", name), "utf8")) as unknown;

describe("Gemini generateContent in the GenAI message format", () => {
  it("takes systemInstruction apart and maps contents, 'model' becoming 'assistant'", () => {
    const request = {
      systemInstruction: { parts: [{ text: "You are a cat." }] },
      contents: [
        { role: "user", parts: [{ text: "Describe this" }, { inlineData: { mimeType: "image/webp", data: "UklGRg==" } }, { fileData: { mimeType: "video/mp4", fileUri: "gs://bucket/clip.mp4" } }] },
        { role: "model", parts: [{ functionCall: { name: "purr", args: { loud: true } } }] },
        { role: "user", parts: [{ functionResponse: { name: "purr", response: { ok: true } } }] },
      ],
    };
    expect(geminiGenerateContentFormat.inputContent(request)).toEqual({
      systemInstructions: [{ type: "text", content: "You are a cat." }],
      messages: [
        {
          role: "user",
          parts: [
            { type: "text", content: "Describe this" },
            { type: "blob", modality: "image", mime_type: "image/webp", content: "UklGRg==" },
            { type: "uri", modality: "video", mime_type: "video/mp4", uri: "gs://bucket/clip.mp4" },
          ],
        },
        { role: "assistant", parts: [{ type: "tool_call", id: null, name: "purr", arguments: { loud: true } }] },
        { role: "user", parts: [{ type: "tool_call_response", id: null, name: "purr", response: { ok: true } }] },
      ],
    });
  });

  it("reads snake_case requests and a bare string as contents", () => {
    const request = { system_instruction: { parts: [{ text: "S" }] }, contents: "Hi", generation_config: { max_output_tokens: 9, top_k: 3 } };
    expect(geminiGenerateContentFormat.inputContent(request)).toEqual({
      systemInstructions: [{ type: "text", content: "S" }],
      messages: [{ role: "user", parts: [{ type: "text", content: "Hi" }] }],
    });
    expect(geminiGenerateContentFormat.requestParameters(request)).toEqual({ maxTokens: 9, topK: 3 });
  });

  it("maps a recorded answer and thought parts", () => {
    expect(geminiGenerateContentFormat.outputMessages(fixture("generate-content.json"))).toEqual([
      {
        role: "assistant",
        parts: [{ type: "text", content: "Why did the scarecrow win an award? Because he was outstanding in his field." }],
        finish_reason: "stop",
      },
    ]);
    const thinking = { candidates: [{ content: { role: "model", parts: [{ text: "Hmm", thought: true }, { text: "Yes" }] }, finishReason: "MAX_TOKENS" }] };
    expect(geminiGenerateContentFormat.outputMessages(thinking)).toEqual([
      { role: "assistant", parts: [{ type: "reasoning", content: "Hmm" }, { type: "text", content: "Yes" }], finish_reason: "length" },
    ]);
  });

  it("reports a function call as tool_call and safety stops as content_filter", () => {
    const called = { candidates: [{ content: { parts: [{ functionCall: { name: "f", args: {} } }] }, finishReason: "STOP" }] };
    expect(geminiGenerateContentFormat.outputMessages(called)[0].finish_reason).toBe("tool_call");
    expect(geminiGenerateContentFormat.finishReason("SAFETY")).toBe("content_filter");
  });

  it("reads generationConfig", () => {
    const request = { generationConfig: { maxOutputTokens: 64, temperature: 0.1, topP: 0.8, topK: 20, stopSequences: ["FIN"], seed: 3, candidateCount: 2 } };
    expect(geminiGenerateContentFormat.requestParameters(request)).toEqual({
      maxTokens: 64,
      temperature: 0.1,
      topP: 0.8,
      topK: 20,
      stopSequences: ["FIN"],
      seed: 3,
      choiceCount: 2,
    });
  });
});
