// Connect's snippets: for a route's wire format, the ready-to-run examples that
// apply to it (curl always; the SDKs that speak that format), as pure functions.
import { curlSnippet } from "./snippets-curl";
import { pydanticAISnippet, pythonAnthropicSnippet, pythonGoogleSnippet, pythonOpenAISnippet } from "./snippets-python";
import type { SnippetInput, SnippetLanguage } from "./snippet-types";
import { typescriptAnthropicSnippet, typescriptGoogleSnippet, typescriptOpenAISnippet } from "./snippets-typescript";
import type { WireFamily } from "./wire-family";

export { KEY_PLACEHOLDER, routeBaseUrl, type SnippetInput, type SnippetLanguage } from "./snippet-types";

export type SnippetId =
  | "curl"
  | "pydantic-ai"
  | "python-openai"
  | "typescript-openai"
  | "python-anthropic"
  | "typescript-anthropic"
  | "python-google-genai"
  | "typescript-google-genai";

export interface Snippet {
  id: SnippetId;
  label: string;
  language: SnippetLanguage;
  /** How to install what the snippet imports, or null (curl). */
  install: string | null;
  code: string;
}

interface SnippetDefinition {
  label: string;
  language: SnippetLanguage;
  install: string | null;
  families: readonly WireFamily[];
  build(input: SnippetInput, family: WireFamily): string;
}

const DEFINITIONS: Record<SnippetId, SnippetDefinition> = {
  curl: { label: "curl", language: "bash", install: null, families: ["openai", "anthropic", "google", "bedrock"], build: curlSnippet },
  "pydantic-ai": {
    label: "Pydantic AI",
    language: "python",
    install: "pip install pydantic-ai",
    families: ["openai", "anthropic", "google"],
    build: (input, family) => pydanticAISnippet(input, family === "bedrock" ? "openai" : family),
  },
  "python-openai": { label: "Python OpenAI", language: "python", install: "pip install openai", families: ["openai"], build: pythonOpenAISnippet },
  "typescript-openai": { label: "TypeScript OpenAI", language: "typescript", install: "npm install openai", families: ["openai"], build: typescriptOpenAISnippet },
  "python-anthropic": { label: "Python Anthropic", language: "python", install: "pip install anthropic", families: ["anthropic"], build: pythonAnthropicSnippet },
  "typescript-anthropic": {
    label: "TypeScript Anthropic",
    language: "typescript",
    install: "npm install @anthropic-ai/sdk",
    families: ["anthropic"],
    build: typescriptAnthropicSnippet,
  },
  "python-google-genai": {
    label: "Google GenAI Python",
    language: "python",
    install: "pip install google-genai",
    families: ["google"],
    build: pythonGoogleSnippet,
  },
  "typescript-google-genai": {
    label: "Google GenAI TypeScript",
    language: "typescript",
    install: "npm install @google/genai",
    families: ["google"],
    build: typescriptGoogleSnippet,
  },
};

export const SNIPPET_IDS = Object.keys(DEFINITIONS) as SnippetId[];

export function snippetLabel(id: SnippetId): string {
  return DEFINITIONS[id].label;
}

/** The snippets that work against a route of this wire format, curl first. */
export function applicableSnippetIds(family: WireFamily): SnippetId[] {
  return SNIPPET_IDS.filter((id) => DEFINITIONS[id].families.includes(family));
}

export function buildSnippet(id: SnippetId, input: SnippetInput, family: WireFamily): Snippet {
  const definition = DEFINITIONS[id];
  return { id, label: definition.label, language: definition.language, install: definition.install, code: definition.build(input, family) };
}

export function buildSnippets(input: SnippetInput, family: WireFamily): Snippet[] {
  return applicableSnippetIds(family).map((id) => buildSnippet(id, input, family));
}
