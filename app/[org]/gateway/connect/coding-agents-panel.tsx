"use client";
// Connect for coding agents: download the credential as a file, copy a prompt
// that tells the agent to read that file (the key never goes into the chat),
// and set up Claude Code, Codex CLI or the gateway CLI for the chosen route.
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { agentPrompt, codingAgentSnippets, CREDENTIAL_FILE_NAME, credentialFile } from "@/lib/connect/coding-agents";
import { wireFamilyOfRoute, wireFamilyOfType } from "@/lib/connect/wire-family";
import { ApiRequestError } from "@/lib/dashboard/api-fetch";
import { downloadTextFile } from "@/lib/dashboard/download-file";
import type { KeyResponse } from "@/lib/keys/schemas";
import type { RouteSummary } from "@/lib/routes/operations";
import { SnippetTabs } from "./snippet-tabs";

interface CodingAgentsPanelProps {
  baseUrl: string;
  route: RouteSummary;
  model: string;
  apiKey: KeyResponse | null;
  secret: string | null;
  /** Fetches the key's secret (reveal) when this browser tab does not know it. */
  revealSecret: (keyId: string) => Promise<string>;
}

export function CodingAgentsPanel({ baseUrl, route, model, apiKey, secret, revealSecret }: CodingAgentsPanelProps) {
  const [downloading, setDownloading] = useState(false);
  const input = { baseUrl, route: route.slug, model: model || "<model>", apiKey: secret };
  const family = wireFamilyOfRoute(route.providerTypes) ?? wireFamilyOfType(route.providerTypes[0] ?? "openai");
  const agents = codingAgentSnippets(input, route.providerTypes);

  const download = async () => {
    if (!apiKey) return;
    setDownloading(true);
    try {
      const plaintext = secret ?? (await revealSecret(apiKey.id));
      downloadTextFile(CREDENTIAL_FILE_NAME, credentialFile({ ...input, apiKey: plaintext }, apiKey.name), "text/plain;charset=utf-8");
      toast.success(`${CREDENTIAL_FILE_NAME} downloaded; move it to your project's root`);
    } catch (error) {
      // A refused reveal was already reported by its own toast.
      if (!(error instanceof ApiRequestError)) toast.error((error as Error).message);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section aria-labelledby="connect-agents-heading" className="rounded-xl border border-border bg-surface shadow-sm">
      <div className="border-b border-border px-5 py-4">
        <h2 id="connect-agents-heading" className="text-base font-semibold tracking-tight">
          Coding agents
        </h2>
        <p className="mt-0.5 max-w-3xl text-sm text-muted">
          Let an AI coding agent wire the gateway into your project without the key ever appearing in the chat: give it the credential as a file and the prompt below.
        </p>
      </div>
      <div className="flex flex-col gap-5 p-5">
        <ol className="grid gap-4 md:grid-cols-2">
          <li className="flex flex-col gap-2 rounded-lg border border-border p-4">
            <p className="text-sm font-medium">1. Get your credential</p>
            <p className="text-sm text-muted">
              A small file, <code className="font-mono text-xs">{CREDENTIAL_FILE_NAME}</code>, with the base URL of <span className="font-medium text-foreground">{route.slug}</span>, the model and
              {apiKey ? ` the key “${apiKey.name}”.` : " a key (choose or create one above)."} Save it in your project and keep it out of git.
            </p>
            <div>
              <Button onClick={() => void download()} pending={downloading} disabled={!apiKey}>
                Get your credential
              </Button>
            </div>
          </li>
          <li className="flex flex-col gap-2 rounded-lg border border-border p-4">
            <p className="text-sm font-medium">2. Copy the prompt for your AI coding agent</p>
            <p className="text-sm text-muted">It tells the agent to read the file and load it at runtime rather than paste the key anywhere.</p>
            <div>
              <CopyButton value={agentPrompt(input, family)} label="Copy the prompt for your AI coding agent" what="Prompt" />
            </div>
          </li>
        </ol>
        {agents.length > 0 ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm font-medium">Or run a coding agent on this route</p>
            <SnippetTabs snippets={agents} idPrefix="agent" label="Coding agent" />
          </div>
        ) : (
          <p className="text-sm text-muted">
            Claude Code needs a route that speaks the Anthropic Messages API; Codex CLI one that serves OpenAI&apos;s Responses API (OpenAI or Azure providers). Pick such a route above to see
            their setup.
          </p>
        )}
      </div>
    </section>
  );
}
