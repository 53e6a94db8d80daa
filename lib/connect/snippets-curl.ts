// curl snippets, one per wire format: the smallest request a route accepts.
import { shellQuote } from "./quote";
import { EXAMPLE_PROMPT, keyOf, routeBaseUrl, type SnippetInput } from "./snippet-types";
import { ANTHROPIC_VERSION } from "../providers/descriptors";
import type { WireFamily } from "./wire-family";

function command(url: string, headers: string[], body: unknown): string {
  const lines = [`curl ${shellQuote(url)}`, ...headers.map((header) => `-H ${shellQuote(header)}`), `-d ${shellQuote(JSON.stringify(body, null, 2))}`];
  return lines.join(" \\\n  ");
}

/** Gemini model names may come with their "models/" resource prefix. */
function geminiModel(model: string): string {
  return model.replace(/^models\//, "");
}

export function curlSnippet(input: SnippetInput, family: WireFamily): string {
  const base = routeBaseUrl(input);
  const key = keyOf(input);
  const json = "Content-Type: application/json";
  switch (family) {
    case "anthropic":
      return command(`${base}/v1/messages`, [`x-api-key: ${key}`, `anthropic-version: ${ANTHROPIC_VERSION}`, json], {
        model: input.model,
        max_tokens: 1024,
        messages: [{ role: "user", content: EXAMPLE_PROMPT }],
      });
    case "google":
      return command(`${base}/v1beta/models/${encodeURIComponent(geminiModel(input.model))}:generateContent`, [`x-goog-api-key: ${key}`, json], {
        contents: [{ role: "user", parts: [{ text: EXAMPLE_PROMPT }] }],
      });
    case "bedrock":
      return command(`${base}/model/${encodeURIComponent(input.model)}/converse`, [`Authorization: Bearer ${key}`, json], {
        messages: [{ role: "user", content: [{ text: EXAMPLE_PROMPT }] }],
        inferenceConfig: { maxTokens: 1024 },
      });
    case "openai":
      return command(`${base}/chat/completions`, [`Authorization: Bearer ${key}`, json], {
        model: input.model,
        messages: [{ role: "user", content: EXAMPLE_PROMPT }],
      });
  }
}
