// The exchanges recorded from the real APIs by an open-source gateway
// (../shared/peer-fixtures/pydantic-ai-gateway-cassettes.json, see its README),
// read in place by the tests that replay them; never copied into the product.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface Cassette {
  name: string;
  provider: string;
  request: { method: string; host: string; path: string; query: string; headers: Record<string, string>; body: string };
  response: { status: number; headers: Record<string, string>; bodyText?: string; bodyBase64?: string };
}

// ../shared beside the checkout (CI, the main checkout); a worktree two levels down finds it one level higher.
const CASSETTE_FILE = ["../../../shared", "../../../../shared"]
  .map((folder) => path.resolve(import.meta.dirname, folder, "peer-fixtures/pydantic-ai-gateway-cassettes.json"))
  .find((file) => existsSync(file));

export function loadCassettes(): Cassette[] {
  if (!CASSETTE_FILE) throw new Error("peer-fixtures/pydantic-ai-gateway-cassettes.json not found beside the checkout (../shared)");
  return JSON.parse(readFileSync(CASSETTE_FILE, "utf8")).cassettes;
}

/** The recorded answer's bytes: text, or binary (Bedrock's event stream) when it was recorded as base64. */
export function recordedBody(cassette: Cassette): string | Uint8Array {
  if (cassette.response.bodyText !== undefined) return cassette.response.bodyText;
  return new Uint8Array(Buffer.from(cassette.response.bodyBase64 ?? "", "base64"));
}

/**
 * An OpenAI-wire SSE stream without its usage-only chunk (empty `choices`,
 * non-null `usage`): what a client that did not ask for stream usage receives
 * when the gateway asked on its behalf.
 */
export function withoutUsageOnlyChunk(stream: string): string {
  return stream
    .split(/(?<=\n\n)/)
    .filter((event) => {
      const data = /^data: (\{.*\})$/m.exec(event)?.[1];
      if (!data) return true;
      const chunk = JSON.parse(data) as { choices?: unknown[]; usage?: unknown };
      return !(Array.isArray(chunk.choices) && chunk.choices.length === 0 && chunk.usage != null);
    })
    .join("");
}
