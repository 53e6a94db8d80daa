// One upstream attempt over a shared keep-alive connection pool. Connect and
// first-byte (response headers) timeouts are what routing groups fail over on;
// once headers arrive the body may take as long as it takes.
import { Agent, fetch as undiciFetch } from "undici";
import { env } from "@/lib/env";
import type { UpstreamRequest } from "./providers/types";

export type AttemptOutcome =
  | { kind: "response"; response: Response }
  | { kind: "failure"; reason: "connection" | "timeout" | "aborted"; message: string };

let agent: Agent | undefined;

function sharedAgent(): Agent {
  const config = env();
  agent ??= new Agent({
    connect: { timeout: config.GATEWAY_CONNECT_TIMEOUT_MS },
    headersTimeout: config.GATEWAY_FIRST_BYTE_TIMEOUT_MS,
    bodyTimeout: 0,
    keepAliveTimeout: 30_000,
    connections: 256,
  });
  return agent;
}

export async function sendUpstream(upstream: UpstreamRequest, method: string, signal: AbortSignal): Promise<AttemptOutcome> {
  try {
    const response = await undiciFetch(upstream.url, {
      method,
      headers: upstream.headers as unknown as Record<string, string>,
      body: upstream.body && method !== "GET" && method !== "HEAD" ? upstream.body : undefined,
      dispatcher: sharedAgent(),
      signal,
      redirect: "manual",
    });
    return { kind: "response", response: response as unknown as Response };
  } catch (error) {
    if (signal.aborted) return { kind: "failure", reason: "aborted", message: "The client went away" };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? "";
    const timedOut = code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT";
    return {
      kind: "failure",
      reason: timedOut ? "timeout" : "connection",
      message: `${timedOut ? "Timed out" : "Could not connect"}: ${cause?.message ?? (error as Error).message}`,
    };
  }
}
