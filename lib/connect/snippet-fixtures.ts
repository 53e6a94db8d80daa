// Inputs the snippet tests run every generator against: an ordinary one, one
// without a key, and one whose values try to break out of every kind of quote.
import type { SnippetInput } from "./snippet-types";
import type { WireFamily } from "./wire-family";

export const SNIPPET_TEST_INPUTS: Record<string, SnippetInput> = {
  plain: { baseUrl: "http://localhost:3000/proxy", route: "openai", model: "gpt-4o-mini", apiKey: "gw_live_0123456789abcdef" },
  placeholder: { baseUrl: "https://gateway.example.com/proxy", route: "claude", model: "claude-sonnet-4-5", apiKey: null },
  hostile: {
    baseUrl: "https://gateway.example.com/proxy/",
    route: "team-a.group_2",
    model: `it's "odd" $HOME \`id\` \\ {x} ☃\nsecond line`,
    apiKey: `gw_'"$(touch /tmp/pwned)\`id\`\\`,
  },
};

export const WIRE_FAMILIES: WireFamily[] = ["openai", "anthropic", "google", "bedrock"];
