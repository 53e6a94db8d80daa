// Connect for coding agents: the credential file a user downloads, the prompt
// that tells an AI coding agent to read that file (never to paste the key),
// and the setup of Claude Code, Codex CLI and the `gateway` CLI for a route.
// Pure, so the texts are tested without a browser.
import { shellQuote } from "./quote";
import { keyOf, routeBaseUrl, type SnippetInput } from "./snippet-types";
import { WIRE_FAMILY_LABELS, wireFamilyOfRoute, type WireFamily } from "./wire-family";

export const CREDENTIAL_FILE_NAME = "gateway.env";

export interface AgentSnippet {
  id: "claude-code" | "codex" | "gateway-cli";
  label: string;
  install: string | null;
  code: string;
}

/** The downloaded file: dotenv syntax that a POSIX shell can also `source`. */
export function credentialFile(input: SnippetInput & { apiKey: string }, keyName: string): string {
  return [
    `# Gateway credential "${keyName.replace(/[\r\n]/g, " ")}" for the route ${input.route}.`,
    "# Keep it out of version control (add it to .gitignore) and out of chats and logs.",
    `GATEWAY_BASE_URL=${shellQuote(routeBaseUrl(input))}`,
    `GATEWAY_API_KEY=${shellQuote(input.apiKey)}`,
    `GATEWAY_MODEL=${shellQuote(input.model)}`,
    "",
  ].join("\n");
}

/** What to paste into an AI coding agent: where the credential is and how to use it, without the key itself. */
export function agentPrompt(input: SnippetInput, family: WireFamily): string {
  const sdk: Record<WireFamily, string> = {
    openai: "an OpenAI SDK (base_url / baseURL = GATEWAY_BASE_URL, api_key / apiKey = GATEWAY_API_KEY)",
    anthropic: "an Anthropic SDK (base_url / baseURL = GATEWAY_BASE_URL, api_key / apiKey = GATEWAY_API_KEY)",
    google: "the Google GenAI SDK (http_options base_url = GATEWAY_BASE_URL, api_key = GATEWAY_API_KEY)",
    bedrock: "plain HTTP (Authorization: Bearer GATEWAY_API_KEY against GATEWAY_BASE_URL/model/{id}/converse)",
  };
  return [
    "This project calls LLMs through our gateway. Set it up as follows.",
    "",
    `1. The credential is in the file \`${CREDENTIAL_FILE_NAME}\` (I saved it in the project root). It defines GATEWAY_BASE_URL, GATEWAY_API_KEY and GATEWAY_MODEL.`,
    "2. Read those values from the environment at runtime (load the file with the project's dotenv loader, or `set -a; . ./gateway.env; set +a` in a shell).",
    "   Never copy the key into source code, tests, commits, logs or this conversation, and do not print the file.",
    `3. Make sure \`${CREDENTIAL_FILE_NAME}\` is listed in .gitignore.`,
    `4. The gateway route \`${input.route}\` speaks the ${WIRE_FAMILY_LABELS[family]}: use ${sdk[family]}, model from GATEWAY_MODEL (currently ${input.model}).`,
    "5. Run one small request to check the setup, and tell me if it answers an error (its message says what is wrong, e.g. a limit or a missing balance).",
  ].join("\n");
}

/** The coding agents that can use a route: Claude Code on Anthropic routes, Codex on OpenAI Responses routes. */
export function codingAgentSnippets(input: SnippetInput, providerTypes: readonly string[]): AgentSnippet[] {
  const family = wireFamilyOfRoute(providerTypes);
  const base = routeBaseUrl(input);
  const key = shellQuote(keyOf(input));
  const snippets: AgentSnippet[] = [];
  if (family === "anthropic") {
    snippets.push({
      id: "claude-code",
      label: "Claude Code",
      install: "npm install -g @anthropic-ai/claude-code",
      code: [`export ANTHROPIC_BASE_URL=${shellQuote(base)}`, `export ANTHROPIC_AUTH_TOKEN=${key}`, `export ANTHROPIC_MODEL=${shellQuote(input.model)}`, "claude"].join("\n"),
    });
  }
  // Codex speaks only the Responses API, which OpenAI and Azure serve; other OpenAI-compatible upstreams mostly do not.
  if (providerTypes.length > 0 && providerTypes.every((type) => type === "openai" || type === "azure")) {
    snippets.push({
      id: "codex",
      label: "Codex CLI",
      install: "npm install -g @openai/codex",
      code: [
        "# ~/.codex/config.toml",
        `model = ${JSON.stringify(input.model)}`,
        'model_provider = "gateway"',
        "",
        "[model_providers.gateway]",
        'name = "Gateway"',
        `base_url = ${JSON.stringify(base)}`,
        'env_key = "GATEWAY_API_KEY"',
        'wire_api = "responses"',
        "",
        "# then, in the shell:",
        `export GATEWAY_API_KEY=${key}`,
        "codex",
        "",
        "# or, without editing the config, for one run:",
        `OPENAI_API_KEY=${key} codex -c openai_base_url=${shellQuote(base)} -m ${shellQuote(input.model)}`,
      ].join("\n"),
    });
  }
  const tool = family === "anthropic" ? "claude" : snippets.some((snippet) => snippet.id === "codex") ? "codex" : null;
  if (tool) {
    const origin = input.baseUrl.replace(/\/+$/, "").replace(/\/proxy$/, "");
    snippets.push({
      id: "gateway-cli",
      label: "gateway CLI",
      install: null,
      code: [
        "# Signs in once in the browser; the CLI then keeps short-lived credentials, so no key is stored in your shell.",
        `gateway login --gateway-url ${shellQuote(origin)}`,
        `gateway launch ${tool} --route ${shellQuote(input.route)} --model ${shellQuote(input.model)}`,
      ].join("\n"),
    });
  }
  return snippets;
}
