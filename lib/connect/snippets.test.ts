// What the snippets say: the right SDK per wire format, the real base URL,
// route, model and key — and, run through a real shell and curl, that hostile
// values arrive intact instead of breaking out of their quotes.
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SNIPPET_TEST_INPUTS, WIRE_FAMILIES } from "./snippet-fixtures";
import { applicableSnippetIds, buildSnippets, KEY_PLACEHOLDER } from "./snippets";
import { curlSnippet } from "./snippets-curl";
import { wireFamilyOfRoute } from "./wire-family";

const run = promisify(execFile);
const { plain, placeholder, hostile } = SNIPPET_TEST_INPUTS;

describe("which snippets apply", () => {
  it("offers the SDKs that speak each wire format", () => {
    expect(applicableSnippetIds("openai")).toEqual(["curl", "pydantic-ai", "python-openai", "typescript-openai"]);
    expect(applicableSnippetIds("anthropic")).toEqual(["curl", "pydantic-ai", "python-anthropic", "typescript-anthropic"]);
    expect(applicableSnippetIds("google")).toEqual(["curl", "pydantic-ai", "python-google-genai", "typescript-google-genai"]);
    expect(applicableSnippetIds("bedrock")).toEqual(["curl"]);
  });

  it("maps provider types to wire formats", () => {
    expect(wireFamilyOfRoute(["groq"])).toBe("openai");
    expect(wireFamilyOfRoute(["azure", "openai", "ollama"])).toBe("openai");
    expect(wireFamilyOfRoute(["google-vertex", "google"])).toBe("google");
    expect(wireFamilyOfRoute(["anthropic"])).toBe("anthropic");
    expect(wireFamilyOfRoute(["openai", "anthropic"])).toBeNull();
  });
});

describe("snippet contents", () => {
  it("point every SDK at <base URL>/<route> with the key and model", () => {
    for (const family of WIRE_FAMILIES) {
      for (const snippet of buildSnippets(plain, family)) {
        expect(snippet.code, `${family} ${snippet.id}`).toContain("http://localhost:3000/proxy/openai");
        expect(snippet.code, `${family} ${snippet.id}`).toContain("gw_live_0123456789abcdef");
        if (!(snippet.id === "curl" && family !== "openai" && family !== "anthropic")) {
          expect(snippet.code, `${family} ${snippet.id}`).toContain("gpt-4o-mini");
        }
      }
    }
  });

  it("use a placeholder when the key is not known in this browser", () => {
    for (const snippet of buildSnippets(placeholder, "anthropic")) {
      expect(snippet.code).toContain(KEY_PLACEHOLDER);
      expect(snippet.code).toContain("https://gateway.example.com/proxy/claude");
    }
  });

  it("call each format's own endpoint and auth header", () => {
    expect(curlSnippet(plain, "openai")).toContain("'http://localhost:3000/proxy/openai/chat/completions'");
    expect(curlSnippet(plain, "openai")).toContain("'Authorization: Bearer gw_live_0123456789abcdef'");
    expect(curlSnippet(plain, "anthropic")).toContain("/proxy/openai/v1/messages'");
    expect(curlSnippet(plain, "anthropic")).toContain("'x-api-key: gw_live_0123456789abcdef'");
    expect(curlSnippet({ ...plain, model: "models/gemini-2.5-flash" }, "google")).toContain("/v1beta/models/gemini-2.5-flash:generateContent'");
    expect(curlSnippet(plain, "google")).toContain("'x-goog-api-key: gw_live_0123456789abcdef'");
    expect(curlSnippet({ ...plain, model: "amazon.nova-pro-v1:0" }, "bedrock")).toContain("/model/amazon.nova-pro-v1%3A0/converse'");
  });

  it("pick the Pydantic AI model class of the wire format", () => {
    const code = (family: "openai" | "anthropic" | "google") => buildSnippets(plain, family).find((snippet) => snippet.id === "pydantic-ai")!.code;
    expect(code("openai")).toContain("OpenAIChatModel(");
    expect(code("anthropic")).toContain("AnthropicModel(");
    expect(code("google")).toContain("GoogleModel(");
  });
});

describe("curl snippets in a real shell", () => {
  let server: ReturnType<typeof createServer>;
  let origin = "";
  const received: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
        response.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(WIRE_FAMILIES)("send hostile values intact (%s)", async (family) => {
    const input = { ...hostile, baseUrl: `${origin}/proxy/` };
    const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name))) as NodeJS.ProcessEnv;
    received.length = 0;
    await run("bash", ["-c", curlSnippet(input, family)], { env: environment, timeout: 10_000 });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.method).toBe("POST");
    expect(request.url.startsWith(`/proxy/${hostile.route}/`)).toBe(true);
    const sentKey = request.headers.authorization?.replace(/^Bearer /, "") ?? request.headers["x-api-key"] ?? request.headers["x-goog-api-key"];
    expect(sentKey).toBe(hostile.apiKey);
    const body = JSON.parse(request.body);
    if (family === "openai" || family === "anthropic") expect(body.model).toBe(hostile.model);
    else expect(decodeURIComponent(request.url)).toContain(hostile.model);
  });
});
