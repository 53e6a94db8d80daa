import { describe, expect, it } from "vitest";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace";
import { buildSpan, newSpanId } from "./readable-span";
import { SpanBatchQueue, type QueueLimits } from "./span-batch-queue";

const LIMITS: QueueLimits = { maxQueueSize: 6, maxExportBatchSize: 3, scheduledDelayMillis: 5, exportTimeoutMillis: 200 };

function span(name = "chat m"): ReadableSpan {
  return buildSpan({ name, traceId: "0af7651916cd43dd8448eb211c80319c", spanId: newSpanId(), startTime: 0, endTime: 1, attributes: {} });
}

/** An exporter whose answers the test controls: each export waits until `answer` is called. */
function controlledExporter() {
  const batches: ReadableSpan[][] = [];
  const pending: Array<(result: ExportResult) => void> = [];
  const exporter: SpanExporter = {
    export(spans, resultCallback) {
      batches.push(spans);
      pending.push(resultCallback);
    },
    shutdown: async () => {},
  };
  return { exporter, batches, answer: (code = ExportResultCode.SUCCESS) => pending.shift()?.({ code }) };
}

const tick = (milliseconds = 20) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe("SpanBatchQueue", () => {
  it("exports a full batch at once and the rest after the scheduled delay", async () => {
    const { exporter, batches, answer } = controlledExporter();
    const queue = new SpanBatchQueue(exporter, LIMITS, "test");
    queue.add([span(), span(), span(), span()]);
    expect(batches.map((batch) => batch.length)).toEqual([3]);
    answer();
    await tick();
    expect(batches.map((batch) => batch.length)).toEqual([3, 1]);
    answer();
    await tick();
    expect(queue.counters).toEqual({ droppedSpans: 0, exportedSpans: 4, failedSpans: 0 });
  });

  it("drops and counts what no longer fits while the collector does not answer, keeping a request's spans together", async () => {
    const { exporter, batches } = controlledExporter();
    const queue = new SpanBatchQueue(exporter, { ...LIMITS, exportTimeoutMillis: 60_000 }, "test");
    for (let index = 0; index < 12; index++) queue.add([span()]); // 3 in flight, 6 queued, 3 dropped
    expect(batches).toHaveLength(1);
    expect(queue.size).toBe(6);
    expect(queue.counters.droppedSpans).toBe(3);
    queue.add([span(), span()]); // a request with a child span: both dropped, not half
    expect(queue.counters.droppedSpans).toBe(5);
    expect(queue.size).toBe(6);
  });

  it("counts failed exports and moves on after an export that never answers", async () => {
    const { exporter, batches, answer } = controlledExporter();
    const queue = new SpanBatchQueue(exporter, { ...LIMITS, exportTimeoutMillis: 30 }, "test");
    queue.add([span(), span(), span()]);
    answer(ExportResultCode.FAILED);
    await tick(5);
    queue.add([span(), span(), span()]); // this export never gets an answer
    await tick(80);
    expect(batches).toHaveLength(2);
    expect(queue.counters).toEqual({ droppedSpans: 0, exportedSpans: 0, failedSpans: 6 });
    queue.add([span()]);
    await tick();
    expect(batches).toHaveLength(3); // the queue still exports
  });

  it("flush() exports everything queued and resolves when answered", async () => {
    const exported: number[] = [];
    const exporter: SpanExporter = {
      export: (spans, done) => {
        exported.push(spans.length);
        setTimeout(() => done({ code: ExportResultCode.SUCCESS }), 1);
      },
      shutdown: async () => {},
    };
    const queue = new SpanBatchQueue(exporter, { ...LIMITS, scheduledDelayMillis: 60_000 }, "test");
    queue.add([span(), span()]);
    queue.add([span(), span()]);
    await queue.flush();
    expect(exported).toEqual([3, 1]);
    expect(queue.counters.exportedSpans).toBe(4);
    expect(queue.size).toBe(0);
  });
});
