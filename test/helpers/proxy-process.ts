// `npm run proxy` as a separate process on the test's database (DATABASE_URL is
// inherited): for tests of several processes sharing one database, signals and crashes.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface ProxyProcess {
  /** http://127.0.0.1:<port>/proxy */
  proxyUrl: string;
  child: ChildProcess;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startProxyProcess(extraEnv: Record<string, string> = {}): Promise<ProxyProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "proxy/main.ts"], {
    env: { ...process.env, PROXY_PORT: String(port), ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (data) => (output += data));
  child.stderr!.on("data", (data) => (output += data));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  for (let attempt = 0; attempt < 300 && !output.includes("listening"); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!output.includes("listening")) {
    child.kill("SIGKILL");
    throw new Error(`The proxy process did not start:\n${output}`);
  }
  return {
    proxyUrl: `http://127.0.0.1:${port}/proxy`,
    child,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
