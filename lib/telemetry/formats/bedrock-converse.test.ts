import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bedrockConverseFormat } from "./bedrock-converse";

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../proxy/providers/bedrock/fixtures", name), "utf8")) as unknown;

describe("Bedrock Converse in the GenAI message format", () => {
  it("takes `system` apart and maps text, images, documents, tool use and results", () => {
    const request = {
      system: [{ text: "You are an accountant." }, { cachePoint: { type: "default" } }],
      messages: [
        {
          role: "user",
          content: [
            { text: "Check this invoice." },
            { document: { format: "pdf", name: "invoice", source: { bytes: "JVBERi0=" } } },
            { image: { format: "png", source: { s3Location: { uri: "s3://bucket/scan.png" } } } },
          ],
        },
        { role: "assistant", content: [{ toolUse: { toolUseId: "tooluse_1", name: "vat", input: { amount: 100 } } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "tooluse_1", content: [{ json: { vat: 20 } }] } }] },
      ],
    };
    expect(bedrockConverseFormat.inputContent(request)).toEqual({
      systemInstructions: [{ type: "text", content: "You are an accountant." }],
      messages: [
        {
          role: "user",
          parts: [
            { type: "text", content: "Check this invoice." },
            { type: "blob", modality: "document", mime_type: "application/pdf", content: "JVBERi0=" },
            { type: "uri", modality: "image", mime_type: "image/png", uri: "s3://bucket/scan.png" },
          ],
        },
        { role: "assistant", parts: [{ type: "tool_call", id: "tooluse_1", name: "vat", arguments: { amount: 100 } }] },
        { role: "user", parts: [{ type: "tool_call_response", id: "tooluse_1", response: { vat: 20 } }] },
      ],
    });
  });

  it("maps a recorded Converse answer", () => {
    expect(bedrockConverseFormat.outputMessages(fixture("converse.json"))).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "The capital of Australia is Canberra." }], finish_reason: "stop" },
    ]);
  });

  it("maps reasoning and stop reasons, and reads inferenceConfig", () => {
    const response = { output: { message: { role: "assistant", content: [{ reasoningContent: { reasoningText: { text: "Think." } } }, { text: "Done" }] } }, stopReason: "max_tokens" };
    expect(bedrockConverseFormat.outputMessages(response)).toEqual([
      { role: "assistant", parts: [{ type: "reasoning", content: "Think." }, { type: "text", content: "Done" }], finish_reason: "length" },
    ]);
    expect(bedrockConverseFormat.finishReason("guardrail_intervened")).toBe("content_filter");
    expect(bedrockConverseFormat.finishReason("tool_use")).toBe("tool_call");
    const request = { inferenceConfig: { maxTokens: 512, temperature: 0.3, topP: 0.95, stopSequences: ["###"] }, additionalModelRequestFields: { top_k: 50 } };
    expect(bedrockConverseFormat.requestParameters(request)).toEqual({ maxTokens: 512, temperature: 0.3, topP: 0.95, topK: 50, stopSequences: ["###"] });
  });
});
