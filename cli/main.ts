// `gateway <command>`: parses the command line and hands over to one command.
// Every failure a user can cause ends as one readable line and a non-zero exit.
import { parseArgs } from "node:util";
import { CliError } from "./errors";
import { login } from "./commands/login";
import { logout } from "./commands/logout";
import { status } from "./commands/status";
import { serve } from "./commands/serve";
import { launch } from "./commands/launch";

export const HELP = `gateway — sign in to your LLM gateway and point AI coding tools at it

Usage:
  gateway login [--gateway-url URL] [--token KEY]   sign in (device flow in the browser, or a personal key)
  gateway logout                                    forget the stored credentials
  gateway status                                    who you are, spend today against your limits
  gateway serve [--port N]                          local authenticating proxy on 127.0.0.1 (default port 11465)
  gateway launch claude|codex|opencode [--route SLUG] [--model M] [--port N] [-- tool args…]
  gateway --help

Environment:
  GATEWAY_URL        the gateway (default http://localhost:3000, or the one you logged in to)
  GATEWAY_CLI_HOME   where credentials are kept (default ~/.config/gateway)
`;

const OPTIONS = {
  "gateway-url": { type: "string" },
  token: { type: "string" },
  port: { type: "string" },
  route: { type: "string" },
  model: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export interface ParsedOptions {
  gatewayUrl?: string;
  token?: string;
  port?: number;
  route?: string;
  model?: string;
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a number from 0 (any free port) to 65535, not '${text}'`, 2);
  return port;
}

export async function main(argv: string[]): Promise<number> {
  // Everything after "--" belongs to the launched tool.
  const separator = argv.indexOf("--");
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const toolArguments = separator === -1 ? [] : argv.slice(separator + 1);
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: own, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${HELP}`, 2);
    }
    const [command, ...positionals] = parsed.positionals;
    if (parsed.values.help || command === "help" || command === undefined) {
      process.stdout.write(HELP);
      return command === undefined && !parsed.values.help ? 2 : 0;
    }
    const options: ParsedOptions = {
      gatewayUrl: parsed.values["gateway-url"],
      token: parsed.values.token,
      port: parsePort(parsed.values.port),
      route: parsed.values.route,
      model: parsed.values.model,
    };
    switch (command) {
      case "login":
        return await login(options);
      case "logout":
        return await logout();
      case "status":
        return await status(options);
      case "serve":
        return await serve(options);
      case "launch":
        return await launch(positionals[0], options, toolArguments);
      default:
        throw new CliError(`Unknown command '${command}'\n\n${HELP}`, 2);
    }
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`gateway: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`gateway: unexpected error: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}
