// The settings form's "Send test span" (POST /api/v1/gateway/telemetry/test, issue 5):
// one span to the saved endpoint with the saved headers, or to an endpoint and
// headers typed into the form (never with the saved write token), the collector's
// status and message reported, and a clear refusal when there is no endpoint.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { startGatewayWithProviders } from "../helpers/provider-scenario";
import { startOtlpReceiver, type OtlpReceiver } from "../helpers/otlp-receiver";
import { configureTelemetry as configureOrganizationTelemetry, organizationOfKey, TEST_WRITE_TOKEN, type TestTelemetrySettings } from "../helpers/telemetry-settings";

useTestDatabase();

let gateway: TestGateway;
let receiver: OtlpReceiver;
let organizationId: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const started = await startGatewayWithProviders("telemetry");
  gateway = started.gateway;
  organizationId = await organizationOfKey(started.keyId);
});

afterAll(async () => {
  await receiver?.close();
  await gateway?.close();
});

beforeEach(async () => {
  receiver.setBehaviour({});
  await configureTelemetry({ endpoint: receiver.url, captureContent: true });
});

const configureTelemetry = (settings: TestTelemetrySettings) => configureOrganizationTelemetry(organizationId, settings);

describe("POST /api/v1/gateway/telemetry/test", () => {
  const testSpans = () => receiver.spans().filter((span) => span.name === "gateway test span");

  it("sends a test span to the saved endpoint with the saved headers", async () => {
    const before = testSpans().length;
    const answer = await gateway.api("POST", "/api/v1/gateway/telemetry/test", {});
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    expect(testSpans().length).toBe(before + 1);
    expect(receiver.exports.at(-1)!.headers.authorization).toBe(TEST_WRITE_TOKEN);
  });

  it("tests an endpoint and headers from the form before they are saved", async () => {
    const other = await startOtlpReceiver();
    try {
      const answer = await gateway.api("POST", "/api/v1/gateway/telemetry/test", { otlpEndpoint: other.url, otlpHeaders: { authorization: "Bearer new-token" } });
      expect(answer.body).toEqual({ ok: true });
      expect(other.exports[0].headers.authorization).toBe("Bearer new-token");
      // The saved write token never goes to an endpoint that is not the saved one.
      await gateway.api("POST", "/api/v1/gateway/telemetry/test", { otlpEndpoint: other.url });
      expect(other.exports[1].headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it("reports the collector's status and message", async () => {
    receiver.setBehaviour({ status: 401, message: "invalid write token" });
    const answer = await gateway.api("POST", "/api/v1/gateway/telemetry/test", {});
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.error).toContain("401");
    expect(answer.body.error).toContain("invalid write token");
  });

  it("reports an endpoint that cannot be reached, and refuses when there is no endpoint", async () => {
    const unreachable = await gateway.api("POST", "/api/v1/gateway/telemetry/test", { otlpEndpoint: "http://127.0.0.1:9" });
    expect(unreachable.body.ok).toBe(false);
    expect(unreachable.body.error).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9\/v1\/traces/);

    await configureTelemetry({ endpoint: null });
    expect((await gateway.api("POST", "/api/v1/gateway/telemetry/test", {})).status).toBe(400);
  });
});
