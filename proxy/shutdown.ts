// Graceful stop on SIGTERM/SIGINT: stop accepting connections, let in-flight
// requests and streams finish (bounded), then write every pending usage record
// and settlement before exiting. No record is lost to a deploy.
import { counterStore } from "@/lib/limits/process-counter-store";
import { usageWriter } from "./metering";
import { inFlightRequests, waitForSettlements } from "./request-context";
import { flushRequestTelemetry } from "./telemetry";

const DRAIN_TIMEOUT_MS = 30_000;

/** The parts of a server that draining needs (node:http's Server and DualProtocolServer both have them). */
export interface DrainableServer {
  close(): void;
  closeIdleConnections?(): void;
  closeAllConnections?(): void;
}

export function installGracefulShutdown(server: DrainableServer, name: string): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[${name}] ${signal} received: draining ${inFlightRequests()} in-flight request(s)`);
    server.close();
    server.closeIdleConnections?.();
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (inFlightRequests() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    server.closeAllConnections?.();
    // Closing connections ends any stream still running; its usage is recorded as it ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await waitForSettlements();
    await counterStore.close(); // spend written, leased room handed back to other processes
    await usageWriter.flush();
    usageWriter.closeJournal();
    await flushRequestTelemetry();
    console.log(`[${name}] stopped cleanly`);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
