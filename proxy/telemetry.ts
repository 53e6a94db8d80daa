// The engine's telemetry hook: when a request finishes, describe it as spans and
// hand them to the organization's export queue. Fire and forget — the request
// never waits for it, and nothing here can throw into the request: a slow,
// unreachable or misconfigured collector only ever costs dropped spans.
import { exportSpans, flushTelemetry } from "@/lib/telemetry/exporter-registry";
import { buildRequestSpans, type RequestSpanInput } from "@/lib/telemetry/request-span";
import { organizationTelemetry } from "@/lib/telemetry/settings";
import type { ProxyRequestContext } from "./request-context";

const pendingHandoffs = new Set<Promise<void>>();

/** Called once per request by ProxyRequestContext.finish(), after its usage record is queued. */
export function exportRequestTelemetry(context: ProxyRequestContext): void {
  try {
    if (!context.key) return;
    // Read the context now: the spans describe the request as it finished.
    const snapshot = spanInputFrom(context);
    const handoff = handOff(context.key.organizationId, snapshot).catch((error: unknown) => {
      console.error(`[telemetry] request ${context.requestId} could not be exported:`, error);
    });
    pendingHandoffs.add(handoff);
    void handoff.finally(() => pendingHandoffs.delete(handoff));
  } catch (error) {
    console.error(`[telemetry] request ${context.requestId} could not be described:`, error);
  }
}

/** Waits for finished requests to reach their queues, then exports the queues (tests, shutdown). */
export async function flushRequestTelemetry(timeoutMillis = 5_000): Promise<void> {
  await Promise.all([...pendingHandoffs]);
  await flushTelemetry(timeoutMillis);
}

async function handOff(organizationId: string, input: Omit<RequestSpanInput, "captureContent">): Promise<void> {
  const telemetry = await organizationTelemetry(organizationId);
  if (!telemetry) return;
  exportSpans(telemetry.destination, buildRequestSpans({ ...input, captureContent: telemetry.captureContent }));
}

function spanInputFrom(context: ProxyRequestContext): Omit<RequestSpanInput, "captureContent"> {
  const key = context.key!;
  const endedAt = context.finishedAt ?? Date.now();
  return {
    traceId: context.traceId,
    parentSpanId: context.parentSpanId,
    requestId: context.requestId,
    startedAt: context.startedAt,
    endedAt,
    ttfbMs: context.ttfbMs,
    operation: context.info?.operation ?? "other",
    requestModel: context.info?.model ?? null,
    stream: context.info?.stream ?? false,
    maxOutputTokens: context.info?.maxOutputTokens ?? null,
    upstreamPath: context.upstreamPath,
    providerType: context.provider?.type ?? null,
    providerSlug: context.provider?.slug ?? null,
    route: context.routeSlug,
    key: { id: key.id, name: key.name, projectSlug: key.projectSlug, membershipId: key.membershipId },
    status: context.status,
    errorCode: context.errorCode,
    errorMessage: context.errorMessage,
    usage: context.usage ? { ...context.usage } : null,
    estimatedUsage: context.estimated,
    // finish() meters only answered requests; a refused or failed one cost nothing.
    costMicros: context.status > 0 && context.status < 400 ? context.costMicros : 0n,
    attemptCount: context.attempts,
    attempts: context.attemptLog.map((attempt) => ({ ...attempt })),
    requestBody: context.requestJson,
    responseBody: context.responseJson,
    streamedText: context.streamed ? context.outputText : null,
  };
}
