import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { agentPrompt, codingAgentSnippets, credentialFile } from "./coding-agents";
import { SNIPPET_TEST_INPUTS } from "./snippet-fixtures";

const run = promisify(execFile);
const { plain, hostile } = SNIPPET_TEST_INPUTS;

describe("the credential file", () => {
  it("holds the route's base URL, the key and the model, and a shell reads them back intact", async () => {
    for (const input of [plain, hostile]) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "gateway-credential-")), "gateway.env");
      writeFileSync(file, credentialFile({ ...input, apiKey: input.apiKey! }, "Quick Start"));
      const { stdout } = await run("bash", ["-c", `set -a; . ${file}; printf '%s\\0' "$GATEWAY_BASE_URL" "$GATEWAY_API_KEY" "$GATEWAY_MODEL"`]);
      const base = `${input.baseUrl.replace(/\/+$/, "")}/${input.route}`;
      expect(stdout.split("\0").slice(0, 3)).toEqual([base, input.apiKey, input.model]);
    }
  });
});

describe("the prompt for a coding agent", () => {
  it("points at the file and never contains the key", () => {
    const prompt = agentPrompt(plain, "openai");
    expect(prompt).toContain("gateway.env");
    expect(prompt).toContain("GATEWAY_API_KEY");
    expect(prompt).toContain("Never copy the key");
    expect(prompt).toContain("OpenAI-compatible API");
    expect(prompt).not.toContain(plain.apiKey!);
  });
});

describe("coding agent snippets", () => {
  it("sets up Claude Code on an Anthropic route with ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN", () => {
    const snippets = codingAgentSnippets({ ...plain, route: "claude", model: "claude-sonnet-4-5" }, ["anthropic"]);
    expect(snippets.map((snippet) => snippet.id)).toEqual(["claude-code", "gateway-cli"]);
    expect(snippets[0].code).toBe(
      ["export ANTHROPIC_BASE_URL='http://localhost:3000/proxy/claude'", "export ANTHROPIC_AUTH_TOKEN='gw_live_0123456789abcdef'", "export ANTHROPIC_MODEL='claude-sonnet-4-5'", "claude"].join("\n"),
    );
    expect(snippets[1].code).toContain("gateway launch claude --route 'claude' --model 'claude-sonnet-4-5'");
    expect(snippets[1].code).toContain("gateway login --gateway-url 'http://localhost:3000'");
  });

  it("sets up Codex on OpenAI routes (Responses API) with a model_providers entry or -c openai_base_url", () => {
    const snippets = codingAgentSnippets(plain, ["openai", "azure"]);
    expect(snippets.map((snippet) => snippet.id)).toEqual(["codex", "gateway-cli"]);
    expect(snippets[0].code).toContain('base_url = "http://localhost:3000/proxy/openai"');
    expect(snippets[0].code).toContain('wire_api = "responses"');
    expect(snippets[0].code).toContain("codex -c openai_base_url='http://localhost:3000/proxy/openai' -m 'gpt-4o-mini'");
    expect(snippets[1].code).toContain("gateway launch codex");
  });

  it("offers nothing where neither agent can work (Gemini, chat-only upstreams, mixed groups)", () => {
    expect(codingAgentSnippets(plain, ["google"])).toEqual([]);
    expect(codingAgentSnippets(plain, ["groq"])).toEqual([]);
    expect(codingAgentSnippets(plain, ["openai", "anthropic"])).toEqual([]);
  });

  it("keeps hostile values inside their quotes in the shell lines", async () => {
    const [codex] = codingAgentSnippets(hostile, ["openai"]);
    const line = codex.code.split("\n").find((text) => text.startsWith("export GATEWAY_API_KEY="))!;
    const { stdout } = await run("bash", ["-c", `${line}; printf '%s' "$GATEWAY_API_KEY"`]);
    expect(stdout).toBe(hostile.apiKey);
  });
});
