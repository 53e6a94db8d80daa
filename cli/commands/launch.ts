// `gateway launch <tool>`: the local proxy, then the tool pointed at it. The
// tool's exit code becomes ours; Ctrl-C reaches the tool (it shares the
// terminal's process group) and the proxy closes once the tool has exited.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline/promises";
import { constants } from "node:os";
import { CliError } from "../errors";
import { DEFAULT_PORT, startLocalProxy } from "../local-proxy";
import type { ParsedOptions } from "../main";
import { signedInSource, signedInStatus } from "../session";
import { chooseRoute, findExecutable, TOOL_NAMES, TOOLS, type ToolName } from "../tools";

async function pickTool(): Promise<ToolName> {
  const installed = TOOL_NAMES.filter((name) => findExecutable(name));
  if (installed.length === 0) throw new CliError(`None of ${TOOL_NAMES.join(", ")} is installed`, 2);
  if (!process.stdin.isTTY) throw new CliError(`Name a tool: gateway launch ${installed.join("|")} (installed: ${installed.join(", ")})`, 2);
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    installed.forEach((name, index) => process.stdout.write(`  ${index + 1}. ${name}\n`));
    const answer = (await prompt.question("Launch which tool? ")).trim();
    const chosen = installed[Number(answer) - 1] ?? installed.find((name) => name === answer);
    if (!chosen) throw new CliError(`'${answer}' is not one of ${installed.join(", ")}`, 2);
    return chosen;
  } finally {
    prompt.close();
  }
}

export async function launch(toolName: string | undefined, options: ParsedOptions, toolArguments: string[]): Promise<number> {
  if (toolName !== undefined && !TOOL_NAMES.includes(toolName as ToolName)) {
    throw new CliError(`Unknown tool '${toolName}': gateway launch ${TOOL_NAMES.join("|")}`, 2);
  }
  const tool = (toolName as ToolName | undefined) ?? (await pickTool());
  const executable = findExecutable(tool);
  if (!executable) throw new CliError(`'${tool}' is not installed (not in this package's node_modules/.bin nor on PATH)`, 2);

  const source = signedInSource(options.gatewayUrl);
  const status = await signedInStatus(source);
  const route = chooseRoute(tool, status.routes, options.route);
  if (!route) {
    const known = status.routes.map((each) => `${each.slug} (${each.type ?? "mixed"})`).join(", ") || "none";
    throw new CliError(options.route ? `No route '${options.route}' for you on this gateway; routes: ${known}` : `No route for ${tool} (it needs ${TOOLS[tool].routeTypes.join(" or ")}); pass --route. Routes: ${known}`, 2);
  }
  source.startKeepingFresh();
  const proxy = await startLocalProxy(source, { port: options.port ?? DEFAULT_PORT, explicitPort: options.port !== undefined });
  const plan = TOOLS[tool].plan({ baseUrl: `${proxy.origin}/proxy/${route.slug}`, localToken: proxy.localToken, route, model: options.model, toolArguments });
  process.stderr.write(`gateway: ${tool} → ${proxy.origin}/proxy/${route.slug} → ${source.gatewayUrl} as ${status.member.email}\n`);

  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(plan.env)) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  const child = spawn(executable, plan.args, { stdio: "inherit", env: environment });
  // SIGINT from a terminal already reaches the tool; a signal sent to us alone is passed on.
  const forward = (signal: NodeJS.Signals) => () => {
    if (signal !== "SIGINT" || !process.stdin.isTTY) child.kill(signal);
  };
  const handlers = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((signal) => [signal, forward(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once("error", (error) => reject(new CliError(`Could not start ${tool}: ${error.message}`)));
      child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)));
    });
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    source.stop();
    plan.cleanup();
    await proxy.close();
  }
}
