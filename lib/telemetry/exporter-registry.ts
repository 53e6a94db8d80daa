// One export pipeline (bounded batch queue + OTLP exporter) per destination:
// organizations sharing an endpoint and headers share a pipeline, and a new
// token or endpoint gets a fresh one. Pipelines idle for a while are shut down.
// State lives on globalThis so Next's bundled copy of this module and the
// server's share one set of queues and counters.
import { createHash } from "node:crypto";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { createOtlpTraceExporter, tracesUrl } from "./otlp-exporter";
import type { TelemetryDestination } from "./settings";
import { SpanBatchQueue, type QueueCounters, type QueueLimits } from "./span-batch-queue";

const IDLE_PIPELINE_MS = 10 * 60_000;
const SWEEP_INTERVAL_MS = 60_000;

export interface DestinationStats extends QueueCounters {
  /** Where the pipeline sends traces (<endpoint>/v1/traces). */
  url: string;
  /** Spans waiting in its queue right now. */
  queuedSpans: number;
}

export interface TelemetryStats extends QueueCounters {
  /** Spans waiting in every queue right now. */
  queuedSpans: number;
  /** The live pipelines, one per destination. */
  destinations: DestinationStats[];
}

interface RegistryState {
  pipelines: Map<string, SpanBatchQueue>;
  /** Pipelines shutting down: still counted, since their last export may still succeed or fail. */
  closing: Set<SpanBatchQueue>;
  /** Counters of pipelines already shut down, so totals never go backwards. */
  retired: QueueCounters;
  sweeper: NodeJS.Timeout | null;
}

const globalForTelemetry = globalThis as unknown as { gatewayTelemetryExporters?: RegistryState };
const state: RegistryState = (globalForTelemetry.gatewayTelemetryExporters ??= {
  pipelines: new Map(),
  closing: new Set(),
  retired: { droppedSpans: 0, exportedSpans: 0, failedSpans: 0 },
  sweeper: null,
});

/** Hands spans to the destination's queue. Never blocks, never throws. */
export function exportSpans(destination: TelemetryDestination, spans: ReadableSpan[]): void {
  if (spans.length === 0) return;
  pipelineFor(destination).add(spans);
}

/** Totals since the process started, and each live pipeline's own counts. */
export function telemetryStats(): TelemetryStats {
  const stats: TelemetryStats = { ...state.retired, queuedSpans: 0, destinations: [] };
  for (const queue of [...state.pipelines.values(), ...state.closing]) {
    stats.queuedSpans += queue.size;
    stats.droppedSpans += queue.counters.droppedSpans;
    stats.exportedSpans += queue.counters.exportedSpans;
    stats.failedSpans += queue.counters.failedSpans;
  }
  for (const queue of state.pipelines.values()) stats.destinations.push({ url: queue.label, queuedSpans: queue.size, ...queue.counters });
  return stats;
}

/** Exports what is queued everywhere, giving up after `timeoutMillis` (a hung collector must not hold a shutdown). */
export async function flushTelemetry(timeoutMillis = 5_000): Promise<void> {
  await withTimeout(Promise.allSettled([...state.pipelines.values()].map((queue) => queue.flush())), timeoutMillis);
}

/** Flushes and closes every pipeline (graceful shutdown). */
export async function shutdownTelemetry(timeoutMillis = 5_000): Promise<void> {
  const closing = [...state.pipelines.entries()].map(([key, queue]) => retire(key, queue));
  await withTimeout(Promise.allSettled(closing), timeoutMillis);
}

/** Standard OpenTelemetry SDK variables tune the queues; the schedule delay defaults lower than the SDK's 5 s so traces show up quickly. */
export function queueLimitsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): QueueLimits & { exporterTimeoutMillis: number } {
  const maxQueueSize = positiveInteger(environment.OTEL_BSP_MAX_QUEUE_SIZE, 2048);
  return {
    maxQueueSize,
    maxExportBatchSize: Math.min(positiveInteger(environment.OTEL_BSP_MAX_EXPORT_BATCH_SIZE, 512), maxQueueSize),
    scheduledDelayMillis: positiveInteger(environment.OTEL_BSP_SCHEDULE_DELAY, 1_000),
    exportTimeoutMillis: positiveInteger(environment.OTEL_BSP_EXPORT_TIMEOUT, 30_000),
    exporterTimeoutMillis: positiveInteger(environment.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? environment.OTEL_EXPORTER_OTLP_TIMEOUT, 10_000),
  };
}

function pipelineFor(destination: TelemetryDestination): SpanBatchQueue {
  const key = destinationKey(destination);
  let queue = state.pipelines.get(key);
  if (!queue) {
    const limits = queueLimitsFromEnvironment();
    const url = tracesUrl(destination.endpoint);
    queue = new SpanBatchQueue(createOtlpTraceExporter(destination, limits.exporterTimeoutMillis), limits, url);
    state.pipelines.set(key, queue);
    startSweeper();
  }
  return queue;
}

/** Hashed so header values (write tokens) are not kept around as map keys. */
function destinationKey(destination: TelemetryDestination): string {
  const headers = Object.entries(destination.headers).sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify([tracesUrl(destination.endpoint), headers])).digest("hex");
}

function retire(key: string, queue: SpanBatchQueue): Promise<void> {
  state.pipelines.delete(key);
  state.closing.add(queue);
  return queue.shutdown().finally(() => {
    state.closing.delete(queue);
    state.retired.droppedSpans += queue.counters.droppedSpans;
    state.retired.exportedSpans += queue.counters.exportedSpans;
    state.retired.failedSpans += queue.counters.failedSpans;
  });
}

function startSweeper(): void {
  if (state.sweeper) return;
  state.sweeper = setInterval(() => {
    const idleBefore = Date.now() - IDLE_PIPELINE_MS;
    for (const [key, queue] of state.pipelines) {
      if (queue.size === 0 && queue.lastUsedAt < idleBefore) void retire(key, queue);
    }
  }, SWEEP_INTERVAL_MS);
  state.sweeper.unref();
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

async function withTimeout(work: Promise<unknown>, timeoutMillis: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMillis)))]);
  clearTimeout(timer);
}
