// Which destination "Send test span" targets: the endpoint and headers in the
// request, else the organization's saved ones. Saved headers (a write token)
// only ever go to the saved endpoint, never to an endpoint typed into the form.
import { ApiError } from "../api/errors";
import { db } from "../db";
import type { TelemetryTestInput } from "./operations";
import { tracesUrl } from "./otlp-exporter";
import { sendTestSpan, type TestSpanResult } from "./send-test-span";
import { decryptHeaders } from "./settings";

export async function testTelemetryDestination(organizationId: string, input: TelemetryTestInput): Promise<TestSpanResult> {
  const saved = await db.gatewaySettings.findUnique({
    where: { organizationId },
    select: { otlpEndpoint: true, encryptedOtlpHeaders: true },
  });
  const endpoint = input.otlpEndpoint ?? saved?.otlpEndpoint;
  if (!endpoint) throw new ApiError("bad_request", "No OTLP endpoint is configured; save one in Settings or send otlpEndpoint");
  const isSavedEndpoint = saved?.otlpEndpoint ? tracesUrl(saved.otlpEndpoint) === tracesUrl(endpoint) : false;
  const headers = input.otlpHeaders ?? (isSavedEndpoint ? decryptHeaders(saved?.encryptedOtlpHeaders ?? null, organizationId) : null) ?? {};
  return sendTestSpan({ endpoint, headers });
}
