// Finished spans built directly as ReadableSpan values. A proxy request is
// described after it ends — its trace id fixed by the client's traceparent or by
// the request log, its times already known — so no live Tracer is involved; the
// SDK's exporter takes these exactly as it takes spans a Tracer ended.
import { randomBytes } from "node:crypto";
import { SpanKind, SpanStatusCode, TraceFlags, type Attributes, type HrTime, type SpanContext } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { ATTR } from "./attribute-names";

// One resource and scope object for every span, so an export batch groups them once.
const RESOURCE = resourceFromAttributes({ [ATTR.SERVICE_NAME]: "gateway" });
const INSTRUMENTATION_SCOPE = { name: "gateway.proxy" };

export interface SpanDefinition {
  name: string;
  traceId: string;
  spanId: string;
  /** The parent span's id; `remoteParent` when it lives in the client's process. */
  parentSpanId?: string | null;
  remoteParent?: boolean;
  kind?: SpanKind;
  /** Milliseconds since the epoch. */
  startTime: number;
  endTime: number;
  attributes: Attributes;
  error?: { message: string } | null;
}

/** A random, non-zero 8-byte span id in hex. */
export function newSpanId(): string {
  for (;;) {
    const id = randomBytes(8).toString("hex");
    if (id !== "0000000000000000") return id;
  }
}

export function hrTimeFromMillis(milliseconds: number): HrTime {
  const whole = Math.floor(milliseconds);
  const seconds = Math.floor(whole / 1000);
  return [seconds, (whole - seconds * 1000) * 1_000_000];
}

export function buildSpan(definition: SpanDefinition): ReadableSpan {
  const spanContext: SpanContext = { traceId: definition.traceId, spanId: definition.spanId, traceFlags: TraceFlags.SAMPLED };
  const parentSpanContext: SpanContext | undefined = definition.parentSpanId
    ? { traceId: definition.traceId, spanId: definition.parentSpanId, traceFlags: TraceFlags.SAMPLED, isRemote: definition.remoteParent ?? false }
    : undefined;
  const endTime = Math.max(definition.endTime, definition.startTime);
  return {
    name: definition.name,
    kind: definition.kind ?? SpanKind.CLIENT,
    spanContext: () => spanContext,
    parentSpanContext,
    startTime: hrTimeFromMillis(definition.startTime),
    endTime: hrTimeFromMillis(endTime),
    duration: hrTimeFromMillis(endTime - definition.startTime),
    status: definition.error ? { code: SpanStatusCode.ERROR, message: definition.error.message } : { code: SpanStatusCode.UNSET },
    attributes: definition.attributes,
    links: [],
    events: [],
    ended: true,
    resource: RESOURCE,
    instrumentationScope: INSTRUMENTATION_SCOPE,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}
