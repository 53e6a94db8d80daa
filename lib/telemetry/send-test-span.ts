// The settings page's "Send test span": one span, sent at once and awaited (no
// queue, no retries), so the answer reports exactly what the collector said —
// its status and message — or why it could not be reached.
import { randomBytes } from "node:crypto";
import { SpanKind } from "@opentelemetry/api";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { exportHeaders, tracesUrl } from "./otlp-exporter";
import { buildSpan, newSpanId } from "./readable-span";
import type { TelemetryDestination } from "./settings";

export type TestSpanResult = { ok: true } | { ok: false; error: string };

const TEST_TIMEOUT_MS = 10_000;
const MAX_MESSAGE_CHARS = 500;

export async function sendTestSpan(destination: TelemetryDestination, timeoutMillis = TEST_TIMEOUT_MS): Promise<TestSpanResult> {
  const url = tracesUrl(destination.endpoint);
  const now = Date.now();
  const span = buildSpan({
    name: "gateway test span",
    traceId: randomBytes(16).toString("hex"),
    spanId: newSpanId(),
    kind: SpanKind.INTERNAL,
    startTime: now,
    endTime: now,
    attributes: { "gateway.test": true },
  });
  const encoded = ProtobufTraceSerializer.serializeRequest([span]);
  if (!encoded) return { ok: false, error: "The test span could not be encoded" };
  const body = new Uint8Array(encoded); // fetch wants an ArrayBuffer-backed view
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: exportHeaders(destination), body, signal: AbortSignal.timeout(timeoutMillis) });
  } catch (error) {
    if ((error as Error).name === "TimeoutError") return { ok: false, error: `No answer from ${url} within ${Math.round(timeoutMillis / 1000)} s` };
    const cause = (error as { cause?: { message?: string } }).cause;
    return { ok: false, error: `Could not reach ${url}: ${cause?.message ?? (error as Error).message}` };
  }
  const bytes = new Uint8Array(await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
  if (!response.ok) {
    const message = collectorMessage(bytes, response.headers.get("content-type") ?? "");
    return { ok: false, error: `${response.status} ${response.statusText}${message ? `: ${message}` : ""}`.slice(0, MAX_MESSAGE_CHARS) };
  }
  const rejected = rejectedSpans(bytes);
  return rejected ? { ok: false, error: `The collector rejected the span: ${rejected}`.slice(0, MAX_MESSAGE_CHARS) } : { ok: true };
}

/** A collector's error body: OTLP says a google.rpc.Status (protobuf or JSON); many answer plain text. */
function collectorMessage(bytes: Uint8Array, contentType: string): string {
  if (contentType.includes("protobuf")) return protobufStatusMessage(bytes) ?? "";
  const text = new TextDecoder().decode(bytes).trim();
  try {
    const json = JSON.parse(text) as { message?: unknown; error?: { message?: unknown } | string; detail?: unknown };
    const message = json.message ?? (typeof json.error === "object" ? json.error?.message : json.error) ?? json.detail;
    if (typeof message === "string") return message;
  } catch {
    // Not JSON: the text itself.
  }
  return text;
}

/** Field 2 (message) of a google.rpc.Status, read by hand: the only field worth showing. */
function protobufStatusMessage(bytes: Uint8Array): string | null {
  let offset = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; offset < bytes.length && shift < 35; shift += 7) {
      const byte = bytes[offset++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    return value;
  };
  while (offset < bytes.length) {
    const tag = varint();
    const wireType = tag & 7;
    if (wireType === 0) varint();
    else if (wireType === 2) {
      const length = varint();
      if (tag >> 3 === 2) return new TextDecoder().decode(bytes.subarray(offset, offset + length));
      offset += length;
    } else return null;
  }
  return null;
}

/** A 200 may still carry partial_success with rejected spans. */
function rejectedSpans(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return null;
  try {
    const answer = ProtobufTraceSerializer.deserializeResponse(bytes);
    const partial = answer.partialSuccess;
    return partial && Number(partial.rejectedSpans ?? 0) > 0 ? partial.errorMessage || `${partial.rejectedSpans} span(s) rejected` : null;
  } catch {
    return null; // a collector answering something other than protobuf on success is still a success
  }
}
