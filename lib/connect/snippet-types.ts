// What every snippet generator receives and returns.
export interface SnippetInput {
  /** The gateway's proxy base URL, e.g. "https://gateway.example.com/proxy". */
  baseUrl: string;
  /** Provider or routing group slug. */
  route: string;
  model: string;
  /** The plaintext gateway key, or null to show a placeholder. */
  apiKey: string | null;
}

export type SnippetLanguage = "bash" | "python" | "typescript";

export const KEY_PLACEHOLDER = "<your gateway key>";
export const EXAMPLE_PROMPT = "Hello! What can you do?";

/** The URL an SDK uses as its base: the proxy URL plus the route slug. */
export function routeBaseUrl(input: SnippetInput): string {
  return `${input.baseUrl.replace(/\/+$/, "")}/${input.route}`;
}

export function keyOf(input: SnippetInput): string {
  return input.apiKey ?? KEY_PLACEHOLDER;
}
