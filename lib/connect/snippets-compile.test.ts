// Every generated snippet must run as written: TypeScript type-checks with tsc
// against the real SDKs in node_modules, curl parses as shell (bash -n), Python
// compiles (py_compile). The checkers are first shown to reject broken code, so
// a snippet that breaks makes this file fail.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SNIPPET_TEST_INPUTS, WIRE_FAMILIES } from "./snippet-fixtures";
import { buildSnippets, type Snippet } from "./snippets";

const run = promisify(execFile);
const REPOSITORY = path.resolve(import.meta.dirname, "../..");
// Inside the repository so module resolution finds its node_modules (openai, @anthropic-ai/sdk, @google/genai).
const DIRECTORY = path.join(REPOSITORY, "test-results", "snippets", `run-${process.pid}-${Date.now()}`);
const TSC = path.join(REPOSITORY, "node_modules", "typescript", "bin", "tsc");

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM"],
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    isolatedModules: true,
  },
  include: ["*.ts"],
};

interface WrittenSnippet {
  name: string;
  file: string;
  snippet: Snippet;
}

const EXTENSIONS = { bash: "sh", python: "py", typescript: "ts" } as const;

function writeAll(subdirectory: string): WrittenSnippet[] {
  const directory = path.join(DIRECTORY, subdirectory);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  const written: WrittenSnippet[] = [];
  for (const [inputName, input] of Object.entries(SNIPPET_TEST_INPUTS)) {
    for (const family of WIRE_FAMILIES) {
      for (const snippet of buildSnippets(input, family)) {
        const name = `${inputName}_${family}_${snippet.id}`.replaceAll("-", "_");
        const file = path.join(directory, `${name}.${EXTENSIONS[snippet.language]}`);
        writeFileSync(file, snippet.code);
        written.push({ name, file, snippet });
      }
    }
  }
  return written;
}

async function failureOf(command: string, args: string[]): Promise<string | null> {
  try {
    await run(command, args, { cwd: REPOSITORY, timeout: 120_000, maxBuffer: 10 * 1024 * 1024 });
    return null;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return `${failed.stdout ?? ""}${failed.stderr ?? ""}`.trim() || failed.message;
  }
}

const checkShell = (file: string) => failureOf("bash", ["-n", file]);
// One interpreter for all files (its start-up is the slow part); errors name the file.
const checkPython = (...files: string[]) => failureOf("python3", ["-m", "py_compile", ...files]);
const checkTypeScript = (directory: string) => failureOf(process.execPath, [TSC, "--noEmit", "-p", path.join(directory, "tsconfig.json")]);

let snippets: WrittenSnippet[] = [];

beforeAll(() => {
  snippets = writeAll("generated");
});

afterAll(() => {
  rmSync(DIRECTORY, { recursive: true, force: true });
});

describe("the checkers", () => {
  it("reject broken code of every language", async () => {
    const directory = path.join(DIRECTORY, "broken");
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, "tsconfig.json"), JSON.stringify(TSCONFIG));
    // What naive quoting produces for a model named "it's".
    writeFileSync(path.join(directory, "broken.sh"), `curl 'http://x' \\\n  -d '{"model": "it's"}'`);
    writeFileSync(path.join(directory, "broken.py"), 'client = OpenAI(\n    base_url="x",\n');
    writeFileSync(
      path.join(directory, "broken.ts"),
      'import OpenAI from "openai";\nconst client = new OpenAI({ baseUrl: "x" });\nawait client.chat.completions.create({ model: 1, messages: [] });\n',
    );
    expect(await checkShell(path.join(directory, "broken.sh"))).not.toBeNull();
    expect(await checkPython(path.join(directory, "broken.py"))).not.toBeNull();
    const typeErrors = await checkTypeScript(directory);
    expect(typeErrors).toContain("broken.ts(2,"); // baseUrl instead of baseURL
    expect(typeErrors).toContain("broken.ts(3,"); // a number as model
  }, 120_000);
});

describe("generated snippets", () => {
  it("cover every language", () => {
    const languages = new Set(snippets.map((written) => written.snippet.language));
    expect([...languages].sort()).toEqual(["bash", "python", "typescript"]);
    expect(snippets.length).toBeGreaterThanOrEqual(3 * 13);
  });

  it("parse as shell (curl)", async () => {
    for (const written of snippets.filter((candidate) => candidate.snippet.language === "bash")) {
      expect(await checkShell(written.file), written.name).toBeNull();
    }
  });

  it("compile as Python", async () => {
    const files = snippets.filter((candidate) => candidate.snippet.language === "python").map((written) => written.file);
    expect(files.length).toBeGreaterThan(0);
    expect(await checkPython(...files)).toBeNull();
  });

  it("type-check as TypeScript against the installed SDKs", async () => {
    expect(snippets.some((written) => written.snippet.language === "typescript")).toBe(true);
    expect(await checkTypeScript(path.join(DIRECTORY, "generated"))).toBeNull();
  }, 120_000);
});
