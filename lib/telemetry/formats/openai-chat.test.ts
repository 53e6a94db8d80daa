import { describe, expect, it } from "vitest";
import { openAIChatFormat } from "./openai-chat";

describe("OpenAI chat messages in the GenAI message format", () => {
  it("maps a conversation with system, image, tool calls and tool results", () => {
    const request = {
      model: "gpt-4o",
      messages: [
        { role: "developer", content: "Answer in haiku." },
        {
          role: "user",
          content: [
            { type: "text", text: "What is in this picture, and the weather?" },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
            { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
          ],
        },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
        },
        { role: "tool", tool_call_id: "call_1", content: "rainy, 12°C" },
      ],
    };
    expect(openAIChatFormat.inputContent(request)).toEqual({
      systemInstructions: [],
      messages: [
        { role: "system", parts: [{ type: "text", content: "Answer in haiku." }] },
        {
          role: "user",
          parts: [
            { type: "text", content: "What is in this picture, and the weather?" },
            { type: "blob", modality: "image", mime_type: "image/png", content: "iVBORw0KGgo=" },
            { type: "uri", modality: "image", uri: "https://example.com/cat.jpg" },
          ],
        },
        { role: "assistant", parts: [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Paris" } }] },
        { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: "rainy, 12°C" }] },
      ],
    });
  });

  it("maps every choice of a completion, with tool calls and normalised finish reasons", () => {
    const response = {
      object: "chat.completion",
      choices: [
        { index: 0, message: { role: "assistant", content: "Paris." }, finish_reason: "stop" },
        {
          index: 1,
          message: { role: "assistant", content: null, tool_calls: [{ id: "call_2", function: { name: "lookup", arguments: "not json" } }] },
          finish_reason: "tool_calls",
        },
        { index: 2, message: { role: "assistant", content: "Par" }, finish_reason: "length" },
      ],
    };
    expect(openAIChatFormat.outputMessages(response)).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "Paris." }], finish_reason: "stop" },
      { role: "assistant", parts: [{ type: "tool_call", id: "call_2", name: "lookup", arguments: "not json" }], finish_reason: "tool_call" },
      { role: "assistant", parts: [{ type: "text", content: "Par" }], finish_reason: "length" },
    ]);
  });

  it("reads the sampling parameters the client set, and only those", () => {
    expect(openAIChatFormat.requestParameters({ max_completion_tokens: 100, max_tokens: 5, temperature: 0, top_p: 1, stop: "END", seed: 42, n: 1 })).toEqual({
      maxTokens: 100,
      temperature: 0,
      topP: 1,
      stopSequences: ["END"],
      seed: 42,
    });
    expect(openAIChatFormat.requestParameters({ n: 3, presence_penalty: 0.5 })).toEqual({ choiceCount: 3, presencePenalty: 0.5 });
  });

  it("reads a legacy completion prompt, and ignores bodies it does not understand", () => {
    expect(openAIChatFormat.inputContent({ prompt: "Once upon" }).messages).toEqual([{ role: "user", parts: [{ type: "text", content: "Once upon" }] }]);
    expect(openAIChatFormat.outputMessages({ choices: [{ text: " a time", finish_reason: "stop" }] })).toEqual([
      { role: "assistant", parts: [{ type: "text", content: " a time" }], finish_reason: "stop" },
    ]);
    expect(openAIChatFormat.inputContent("nonsense")).toEqual({ systemInstructions: [], messages: [] });
    expect(openAIChatFormat.outputMessages([1, 2])).toEqual([]);
  });
});
