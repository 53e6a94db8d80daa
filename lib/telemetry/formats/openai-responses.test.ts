import { describe, expect, it } from "vitest";
import { openAIResponsesFormat } from "./openai-responses";

describe("OpenAI Responses in the GenAI message format", () => {
  it("takes instructions as system instructions and a string input as one user message", () => {
    expect(openAIResponsesFormat.inputContent({ instructions: "Be kind.", input: "Tell me a story" })).toEqual({
      systemInstructions: [{ type: "text", content: "Be kind." }],
      messages: [{ role: "user", parts: [{ type: "text", content: "Tell me a story" }] }],
    });
  });

  it("maps input items: messages, function calls and their outputs", () => {
    const request = {
      input: [
        { role: "user", content: [{ type: "input_text", text: "Weather in Oslo?" }, { type: "input_image", file_id: "file-9" }] },
        { type: "function_call", call_id: "call_7", name: "weather", arguments: '{"city":"Oslo"}' },
        { type: "function_call_output", call_id: "call_7", output: '{"celsius":-3}' },
      ],
    };
    expect(openAIResponsesFormat.inputContent(request).messages).toEqual([
      { role: "user", parts: [{ type: "text", content: "Weather in Oslo?" }, { type: "file", modality: "image", file_id: "file-9" }] },
      { role: "assistant", parts: [{ type: "tool_call", id: "call_7", name: "weather", arguments: { city: "Oslo" } }] },
      { role: "tool", parts: [{ type: "tool_call_response", id: "call_7", response: '{"celsius":-3}' }] },
    ]);
  });

  it("makes one output message of all output items", () => {
    const response = {
      object: "response",
      status: "completed",
      output: [
        { type: "reasoning", summary: [{ type: "summary_text", text: "The user wants a greeting." }] },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "Hello!" }] },
      ],
    };
    expect(openAIResponsesFormat.outputMessages(response)).toEqual([
      {
        role: "assistant",
        parts: [{ type: "reasoning", content: "The user wants a greeting." }, { type: "text", content: "Hello!" }],
        finish_reason: "stop",
      },
    ]);
  });

  it("reports a tool call or a truncated answer as the finish reason", () => {
    const called = { status: "completed", output: [{ type: "function_call", call_id: "c", name: "f", arguments: "{}" }] };
    expect(openAIResponsesFormat.outputMessages(called)[0].finish_reason).toBe("tool_call");
    const truncated = { status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, output: [] };
    expect(openAIResponsesFormat.outputMessages(truncated)[0].finish_reason).toBe("length");
  });

  it("reads max_output_tokens, temperature and top_p", () => {
    expect(openAIResponsesFormat.requestParameters({ max_output_tokens: 300, temperature: 0.7, top_p: 0.5, seed: 1 })).toEqual({
      maxTokens: 300,
      temperature: 0.7,
      topP: 0.5,
    });
  });
});
