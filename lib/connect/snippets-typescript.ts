// TypeScript snippets (ES modules, top-level await) for the official SDKs.
import { typescriptString as ts } from "./quote";
import { EXAMPLE_PROMPT, keyOf, routeBaseUrl, type SnippetInput } from "./snippet-types";

export function typescriptOpenAISnippet(input: SnippetInput): string {
  return `import OpenAI from "openai";

const client = new OpenAI({
  baseURL: ${ts(routeBaseUrl(input))},
  apiKey: ${ts(keyOf(input))},
});

const completion = await client.chat.completions.create({
  model: ${ts(input.model)},
  messages: [{ role: "user", content: ${ts(EXAMPLE_PROMPT)} }],
});
console.log(completion.choices[0]?.message.content);
`;
}

export function typescriptAnthropicSnippet(input: SnippetInput): string {
  return `import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic({
  baseURL: ${ts(routeBaseUrl(input))},
  apiKey: ${ts(keyOf(input))},
});

const message = await client.messages.create({
  model: ${ts(input.model)},
  max_tokens: 1024,
  messages: [{ role: "user", content: ${ts(EXAMPLE_PROMPT)} }],
});
for (const block of message.content) {
  if (block.type === "text") console.log(block.text);
}
`;
}

export function typescriptGoogleSnippet(input: SnippetInput): string {
  return `import { GoogleGenAI } from "@google/genai";

const ai = new GoogleGenAI({
  apiKey: ${ts(keyOf(input))},
  httpOptions: { baseUrl: ${ts(routeBaseUrl(input))} },
});

const response = await ai.models.generateContent({
  model: ${ts(input.model)},
  contents: ${ts(EXAMPLE_PROMPT)},
});
console.log(response.text);
`;
}
