// An in-process OTLP/HTTP trace receiver for tests: node:http on 127.0.0.1,
// decoding each protobuf ExportTraceServiceRequest (with protobufjs and the
// subset of the OTLP trace schema below) into plain spans, and recording the
// headers each export came with. It can refuse exports with a status, or hang
// (accept the request and never answer) like a stuck collector.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import protobuf from "protobufjs";

// opentelemetry/proto/{common,resource,trace}/v1 and collector/trace/v1, fields the gateway sends.
const OTLP_TRACE_SCHEMA = `
syntax = "proto3";
package otlp;
message AnyValue {
  oneof value {
    string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message InstrumentationScope { string name = 1; string version = 2; }
message Resource { repeated KeyValue attributes = 1; }
message Status { string message = 2; int32 code = 3; }
message Span {
  bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; fixed32 flags = 16;
  string name = 5; int32 kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9; Status status = 15;
}
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
`;

const exportRequestType = protobuf.parse(OTLP_TRACE_SCHEMA).root.lookupType("otlp.ExportTraceServiceRequest");

/** OTLP span kinds (the API's SpanKind plus one). */
export const OTLP_SPAN_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;
/** OTLP status codes. */
export const OTLP_STATUS = { UNSET: 0, OK: 1, ERROR: 2 } as const;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Record<string, unknown>;
  status: { code: number; message: string };
  resource: Record<string, unknown>;
  scope: string;
}

export interface ReceivedExport {
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  spans: ReceivedSpan[];
}

export interface ReceiverBehaviour {
  /** Refuse every export with this status and a JSON body {"message": …}. */
  status?: number;
  message?: string;
  /** Read the export, then never answer. */
  hang?: boolean;
}

export interface OtlpReceiver {
  /** The OTLP base URL to configure as the endpoint (traces arrive at <url>/v1/traces). */
  url: string;
  exports: ReceivedExport[];
  /** Every span received so far, in arrival order. */
  spans(): ReceivedSpan[];
  setBehaviour(behaviour: ReceiverBehaviour): void;
  close(): Promise<void>;
}

type Decoded = { resourceSpans?: Array<{ resource?: { attributes?: DecodedKeyValue[] }; scopeSpans?: Array<{ scope?: { name?: string }; spans?: DecodedSpan[] }> }> };
type DecodedKeyValue = { key: string; value?: DecodedAnyValue };
type DecodedAnyValue = { stringValue?: string; boolValue?: boolean; intValue?: number | { toString(): string }; doubleValue?: number; arrayValue?: { values?: DecodedAnyValue[] }; bytesValue?: Uint8Array };
type DecodedSpan = {
  traceId: Uint8Array; spanId: Uint8Array; parentSpanId?: Uint8Array; name: string; kind?: number;
  startTimeUnixNano: { toString(): string }; endTimeUnixNano: { toString(): string };
  attributes?: DecodedKeyValue[]; status?: { code?: number; message?: string };
};

function anyValue(value: DecodedAnyValue | undefined): unknown {
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue.toString());
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(anyValue);
  if (value.bytesValue !== undefined) return Buffer.from(value.bytesValue).toString("hex");
  return undefined;
}

function attributesOf(keyValues: DecodedKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((keyValues ?? []).map((keyValue) => [keyValue.key, anyValue(keyValue.value)]));
}

const hex = (bytes: Uint8Array | undefined) => (bytes && bytes.length > 0 ? Buffer.from(bytes).toString("hex") : null);

/** Decodes one ExportTraceServiceRequest body into plain spans. */
export function decodeExportRequest(body: Uint8Array): ReceivedSpan[] {
  const decoded = exportRequestType.toObject(exportRequestType.decode(body), { defaults: false }) as Decoded;
  return (decoded.resourceSpans ?? []).flatMap((resourceSpans) => {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((span) => ({
        traceId: hex(span.traceId)!,
        spanId: hex(span.spanId)!,
        parentSpanId: hex(span.parentSpanId),
        name: span.name,
        kind: span.kind ?? 0,
        startTimeUnixNano: BigInt(span.startTimeUnixNano.toString()),
        endTimeUnixNano: BigInt(span.endTimeUnixNano.toString()),
        attributes: attributesOf(span.attributes),
        status: { code: span.status?.code ?? 0, message: span.status?.message ?? "" },
        resource,
        scope: scopeSpans.scope?.name ?? "",
      })),
    );
  });
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const exports: ReceivedExport[] = [];
  const hanging: ServerResponse[] = [];
  let behaviour: ReceiverBehaviour = {};

  const server = createServer((incoming, response) => {
    void readBody(incoming).then((body) => {
      const headers = Object.fromEntries(Object.entries(incoming.headers).map(([name, value]) => [name, String(value)]));
      if (behaviour.hang) {
        hanging.push(response);
        return;
      }
      if (behaviour.status) {
        response.writeHead(behaviour.status, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: behaviour.message ?? "refused" }));
        return;
      }
      exports.push({ path: incoming.url ?? "", headers, spans: decodeExportRequest(body) });
      // An empty ExportTraceServiceResponse: full success.
      response.writeHead(200, { "content-type": "application/x-protobuf" });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    spans: () => exports.flatMap((received) => received.spans),
    setBehaviour(next) {
      behaviour = next;
    },
    close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
