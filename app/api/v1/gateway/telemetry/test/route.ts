import { apiRoute } from "@/lib/api/route";
import { sendTestSpanOperation } from "@/lib/telemetry/operations";
import { testTelemetryDestination } from "@/lib/telemetry/test-destination";

// POST /api/v1/gateway/telemetry/test – send one test span and report the collector's answer
export const POST = apiRoute(sendTestSpanOperation, async ({ caller, body }) => testTelemetryDestination(caller.organizationId, body));
