// How each AI coding tool is pointed at the local proxy: the environment,
// flags or config file it reads, and which kind of route it speaks.
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type ToolName = "claude" | "codex" | "opencode";
export const TOOL_NAMES: ToolName[] = ["claude", "codex", "opencode"];

export interface RouteChoice {
  slug: string;
  type: string | null;
  providerTypes: string[];
  models: string[];
}

export interface LaunchPlan {
  args: string[];
  env: Record<string, string | undefined>;
  cleanup(): void;
}

interface LaunchInput {
  /** http://127.0.0.1:<port>/proxy/<route> */
  baseUrl: string;
  localToken: string;
  route: RouteChoice;
  model?: string;
  toolArguments: string[];
}

interface Tool {
  /** Provider types whose wire format the tool speaks, preferred first. */
  routeTypes: string[];
  plan(input: LaunchInput): LaunchPlan;
}

const noCleanup = () => {};
const PACKAGE_BIN = path.resolve(import.meta.dirname, "../node_modules/.bin");

const speaks = (route: RouteChoice, type: string) => route.type === type || (route.providerTypes.length > 0 && route.providerTypes.every((each) => each === type));

export const TOOLS: Record<ToolName, Tool> = {
  claude: {
    routeTypes: ["anthropic"],
    plan: ({ baseUrl, localToken, model, toolArguments }) => ({
      args: [...(model ? ["--model", model] : []), ...toolArguments],
      // ANTHROPIC_API_KEY would win over the token and send the user's own key to the proxy.
      env: { ANTHROPIC_BASE_URL: baseUrl, ANTHROPIC_AUTH_TOKEN: localToken, ANTHROPIC_API_KEY: undefined },
      cleanup: noCleanup,
    }),
  },
  codex: {
    routeTypes: ["openai", "azure"],
    plan: ({ baseUrl, localToken, model, toolArguments }) => ({
      // Codex 0.17x ignores OPENAI_BASE_URL: a provider entry of its own, speaking the Responses API.
      args: [
        "-c", `model_providers.gateway={ name = "Gateway", base_url = ${JSON.stringify(baseUrl)}, env_key = "GATEWAY_LOCAL_TOKEN", wire_api = "responses" }`,
        "-c", "model_provider=gateway",
        ...(model ? ["-c", `model=${JSON.stringify(model)}`] : []),
        ...toolArguments,
      ],
      env: { GATEWAY_LOCAL_TOKEN: localToken },
      cleanup: noCleanup,
    }),
  },
  opencode: {
    routeTypes: ["anthropic", "openai"],
    plan: ({ baseUrl, localToken, route, model, toolArguments }) => {
      const directory = mkdtempSync(path.join(tmpdir(), "gateway-opencode-"));
      const file = path.join(directory, "opencode.json");
      const anthropic = speaks(route, "anthropic");
      const chosenModel = model ?? route.models[0] ?? (anthropic ? "claude-sonnet-4-5" : "gpt-5");
      const config = {
        $schema: "https://opencode.ai/config.json",
        provider: {
          gateway: {
            npm: anthropic ? "@ai-sdk/anthropic" : "@ai-sdk/openai-compatible",
            name: `Gateway (${route.slug})`,
            // The Anthropic SDK wants the base with /v1; OpenAI routes' upstream base already ends in /v1.
            options: { baseURL: anthropic ? `${baseUrl}/v1` : baseUrl, apiKey: localToken },
            models: Object.fromEntries([chosenModel, ...route.models].map((id) => [id, { name: id }])),
          },
        },
        model: `gateway/${chosenModel}`,
      };
      writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
      return { args: toolArguments, env: { OPENCODE_CONFIG: file }, cleanup: () => rmSync(directory, { recursive: true, force: true }) };
    },
  },
};

/** The tool's executable: this package's own dev dependency first, then PATH. */
export function findExecutable(name: string): string | null {
  const directories = [PACKAGE_BIN, ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean)];
  for (const directory of directories) {
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; keep looking.
    }
  }
  return null;
}

/** The route a tool should use: --route if given (and known), else the first one speaking the tool's wire format. */
export function chooseRoute(tool: ToolName, routes: RouteChoice[], wanted?: string): RouteChoice | null {
  if (wanted) return routes.find((route) => route.slug === wanted) ?? null;
  for (const type of TOOLS[tool].routeTypes) {
    const match = routes.find((route) => speaks(route, type));
    if (match) return match;
  }
  return null;
}
