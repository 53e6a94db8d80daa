// Telemetry must never cost a proxy request anything (issue 5): with the
// organization's collector down (nothing listens) or hanging (accepts, never
// answers), every request still succeeds, the export queue stays bounded and
// the spans that do not fit are dropped and counted. The counts are asserted,
// not timings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { startGatewayWithProviders } from "../helpers/provider-scenario";
import { startOtlpReceiver } from "../helpers/otlp-receiver";
import { configureTelemetry, organizationOfKey } from "../helpers/telemetry-settings";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();

const REQUESTS = 20;
const MAX_QUEUE = 4;
const BATCH = 2;
// Standard OpenTelemetry SDK variables, read when a destination's pipeline is created.
process.env.OTEL_BSP_MAX_QUEUE_SIZE = String(MAX_QUEUE);
process.env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE = String(BATCH);
process.env.OTEL_BSP_SCHEDULE_DELAY = "10";

let gateway: TestGateway;
let upstream: FakeServer;
let secret: string;
let organizationId: string;

beforeAll(async () => {
  upstream = await startFakeOpenAI();
  let keyId: string;
  ({ gateway, gatewayKey: secret, keyId } = await startGatewayWithProviders("collector-failures", [
    { slug: "openai", type: "openai", baseUrl: upstream.url, apiKey: "sk-openai" },
  ]));
  organizationId = await organizationOfKey(keyId);
});

afterAll(async () => {
  for (const name of ["OTEL_BSP_MAX_QUEUE_SIZE", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "OTEL_BSP_SCHEDULE_DELAY"]) delete process.env[name];
  await upstream?.close();
  await gateway?.close();
});

/** Sends REQUESTS chat completions with the collector at `endpoint`; returns their statuses and that destination's queue counts. */
async function sendRequestsTo(endpoint: string) {
  await configureTelemetry(organizationId, { endpoint, captureContent: true });
  const statuses: number[] = [];
  for (let index = 0; index < REQUESTS; index++) {
    const response = await fetch(`${gateway.proxyUrl}/openai/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: `Hi ${index}` }] }),
    });
    await response.text();
    statuses.push(response.status);
  }
  const { flushRequestTelemetry } = await import("@/proxy/telemetry");
  const { telemetryStats } = await import("@/lib/telemetry/exporter-registry");
  // Wait only for the spans to reach their queue: flushing the queue would wait on the collector.
  await flushRequestTelemetry(0);
  const destination = telemetryStats().destinations.find((stats) => stats.url === `${endpoint}/v1/traces`);
  return { statuses, ...destination! };
}

describe("a collector that is down or hangs", () => {
  it("down (nothing listens on the port): every request succeeds and spans past the bound are dropped and counted", async () => {
    const { statuses, droppedSpans, queuedSpans, exportedSpans } = await sendRequestsTo("http://127.0.0.1:9");
    expect(statuses).toEqual(Array(REQUESTS).fill(200));
    // While the first batch is being retried, at most MAX_QUEUE spans wait: the rest cannot fit.
    expect(droppedSpans).toBeGreaterThanOrEqual(REQUESTS - MAX_QUEUE - BATCH);
    expect(queuedSpans).toBeLessThanOrEqual(MAX_QUEUE);
    expect(exportedSpans).toBe(0);
  });

  it("hanging (accepts the export and never answers): every request succeeds and the queue stays bounded", async () => {
    const stuck = await startOtlpReceiver();
    stuck.setBehaviour({ hang: true });
    try {
      const { statuses, droppedSpans, queuedSpans, exportedSpans } = await sendRequestsTo(stuck.url);
      expect(statuses).toEqual(Array(REQUESTS).fill(200));
      expect(droppedSpans).toBeGreaterThanOrEqual(REQUESTS - MAX_QUEUE - BATCH);
      expect(queuedSpans).toBeLessThanOrEqual(MAX_QUEUE);
      expect(exportedSpans).toBe(0);
    } finally {
      await stuck.close();
    }
  });
});
