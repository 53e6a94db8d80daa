// One OTLP/HTTP protobuf span exporter for one destination. This is what
// OTLPTraceExporter (@opentelemetry/exporter-trace-otlp-proto) assembles — the
// protobuf serializer, the retrying HTTP transport (exponential backoff with
// jitter on 429/502/503/504 and network errors, within the export timeout) and
// a bound on concurrent exports — minus its OTEL_EXPORTER_OTLP_* environment
// fallbacks: an operator's OTEL_EXPORTER_OTLP_HEADERS must never be sent along
// to an organization's collector.
import { OTLPExporterBase } from "@opentelemetry/otlp-exporter-base";
import { createOtlpHttpExportDelegate, httpAgentFactoryFromOptions } from "@opentelemetry/otlp-exporter-base/node-http";
import { ProtobufTraceSerializer, TraceExporterMetricsHelper } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace";
import type { TelemetryDestination } from "./settings";

const PROTOBUF_CONTENT_TYPE = "application/x-protobuf";

/** `<endpoint>/v1/traces`, tolerating a trailing slash or a full traces URL pasted as the endpoint. */
export function tracesUrl(endpoint: string): string {
  const base = endpoint.trim().replace(/\/+$/, "");
  return base.endsWith("/v1/traces") ? base : `${base}/v1/traces`;
}

/** The headers of an export: the configured ones, with the content type the protobuf body needs. */
export function exportHeaders(destination: TelemetryDestination): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(destination.headers)) {
    if (name.toLowerCase() !== "content-type") headers[name] = value;
  }
  headers["Content-Type"] = PROTOBUF_CONTENT_TYPE;
  return headers;
}

export function createOtlpTraceExporter(destination: TelemetryDestination, timeoutMillis: number): SpanExporter {
  const headers = exportHeaders(destination);
  const delegate = createOtlpHttpExportDelegate(
    {
      url: tracesUrl(destination.endpoint),
      headers: async () => headers,
      agentFactory: httpAgentFactoryFromOptions({ keepAlive: true }),
      timeoutMillis,
      concurrencyLimit: 4,
      compression: "none",
    },
    ProtobufTraceSerializer,
    "otlp_http_span_exporter",
    TraceExporterMetricsHelper,
    undefined,
  );
  return new OTLPExporterBase<ReadableSpan[]>(delegate);
}
