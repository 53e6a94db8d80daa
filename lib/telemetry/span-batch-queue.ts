// The bounded, batching queue between the proxy and one exporter — what the
// SDK's BatchSpanProcessor does (max queue size, export batch size, scheduled
// delay, export timeout), with what it does not expose: exact counts of spans
// dropped at the bound, exported, and lost to failed exports. Adding never
// blocks and never throws; a slow or unreachable collector only fills the
// queue, and what no longer fits is dropped and counted.
import { ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace";

export interface QueueLimits {
  maxQueueSize: number;
  maxExportBatchSize: number;
  scheduledDelayMillis: number;
  /** An export not answered by then counts as failed, so one hung collector call cannot stall the queue. */
  exportTimeoutMillis: number;
}

export interface QueueCounters {
  droppedSpans: number;
  exportedSpans: number;
  failedSpans: number;
}

const ERROR_LOG_INTERVAL_MS = 60_000;

export class SpanBatchQueue {
  readonly counters: QueueCounters = { droppedSpans: 0, exportedSpans: 0, failedSpans: 0 };
  lastUsedAt = Date.now();
  private spans: ReadableSpan[] = [];
  private timer: NodeJS.Timeout | null = null;
  private exporting: Promise<void> | null = null;
  private lastErrorLoggedAt = 0;

  constructor(
    private readonly exporter: SpanExporter,
    private readonly limits: QueueLimits,
    /** Names the destination (in log lines and stats). */
    readonly label: string,
  ) {}

  /** Spans waiting to be exported (not counting a batch being exported). */
  get size(): number {
    return this.spans.length;
  }

  /** Queues the spans of one request: all of them, or — past the bound — none, so no trace arrives half-built. */
  add(spans: ReadableSpan[]): void {
    this.lastUsedAt = Date.now();
    if (this.spans.length + spans.length > this.limits.maxQueueSize) {
      this.counters.droppedSpans += spans.length;
      return;
    }
    this.spans.push(...spans);
    this.schedule();
  }

  /** Exports everything queued; resolves when the last batch is answered (or timed out). */
  async flush(): Promise<void> {
    while (this.exporting || this.spans.length > 0) await (this.exporting ?? this.exportBatch());
  }

  async shutdown(): Promise<void> {
    await this.flush();
    await this.exporter.shutdown().catch(() => {});
  }

  private schedule(): void {
    if (this.exporting || this.spans.length === 0) return; // the running export reschedules when it ends
    if (this.spans.length >= this.limits.maxExportBatchSize) {
      void this.exportBatch();
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.exportBatch();
    }, this.limits.scheduledDelayMillis);
    this.timer.unref();
  }

  private exportBatch(): Promise<void> {
    if (this.exporting) return this.exporting;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.spans.length === 0) return Promise.resolve();
    const batch = this.spans.splice(0, this.limits.maxExportBatchSize);
    this.exporting = this.send(batch).finally(() => {
      this.exporting = null;
      this.schedule();
    });
    return this.exporting;
  }

  private send(batch: ReadableSpan[]): Promise<void> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (succeeded: boolean, error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timeout);
        if (succeeded) this.counters.exportedSpans += batch.length;
        else {
          this.counters.failedSpans += batch.length;
          this.logFailure(batch.length, error);
        }
        resolve();
      };
      const timeout = setTimeout(() => settle(false, new Error("export timed out")), this.limits.exportTimeoutMillis);
      timeout.unref();
      try {
        this.exporter.export(batch, (result) => settle(result.code === ExportResultCode.SUCCESS, result.error));
      } catch (error) {
        settle(false, error as Error);
      }
    });
  }

  /** A dead collector fails every export; one line a minute says so without flooding the log. */
  private logFailure(spanCount: number, error: Error | undefined): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLoggedAt = now;
    console.warn(`[telemetry] exporting ${spanCount} span(s) to ${this.label} failed: ${error?.message ?? "unknown error"}`);
  }
}
