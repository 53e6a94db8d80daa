// PATCH /api/v1/gateway: switch the gateway on or off and change telemetry.
// Only the fields sent change; OTLP headers are stored encrypted and never answered.
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { bumpConfigEpoch } from "../cache/config-epoch";
import { encryptJson } from "../crypto";
import { db } from "../db";
import { resolveProject } from "../projects/service";
import type { Prisma } from "../generated/prisma/client";
import { getGatewayView } from "./gateway-settings";
import type { GatewayUpdateInput, GatewayView } from "./operations";

export async function updateGateway(caller: Caller, input: GatewayUpdateInput): Promise<GatewayView> {
  // Plain values only, so the same object serves both create and update.
  const changes: Omit<Prisma.GatewaySettingsUncheckedCreateInput, "organizationId" | "updatedAt"> = {};
  if (input.enabled !== undefined) changes.enabled = input.enabled;
  const telemetry = input.telemetry;
  if (telemetry?.enabled !== undefined) changes.telemetryEnabled = telemetry.enabled;
  if (telemetry?.captureContent !== undefined) changes.captureContent = telemetry.captureContent;
  if (telemetry?.otlpEndpoint !== undefined) changes.otlpEndpoint = telemetry.otlpEndpoint?.replace(/\/+$/, "") ?? null;
  if (telemetry?.otlpHeaders !== undefined) {
    changes.encryptedOtlpHeaders = telemetry.otlpHeaders === null ? null : encryptJson(telemetry.otlpHeaders);
  }
  if (telemetry?.project !== undefined) {
    changes.telemetryProjectId = telemetry.project === null ? null : (await resolveProject(caller.organizationId, telemetry.project)).id;
  }

  if (Object.keys(changes).length > 0) {
    await db.gatewaySettings.upsert({
      where: { organizationId: caller.organizationId },
      create: { organizationId: caller.organizationId, ...changes },
      update: changes,
    });
    await recordAudit(caller, "gateway.update", { type: "organization", id: caller.organizationId }, auditDetails(input));
    await bumpConfigEpoch();
  }
  return getGatewayView(caller.organizationId);
}

/** What changed, with header values left out: the audit log must not become a copy of the secrets. */
function auditDetails(input: GatewayUpdateInput): Record<string, unknown> {
  const { otlpHeaders, ...telemetry } = input.telemetry ?? {};
  return {
    ...(input.enabled !== undefined && { enabled: input.enabled }),
    ...(input.telemetry && { telemetry: { ...telemetry, ...(otlpHeaders !== undefined && { otlpHeaders: otlpHeaders === null ? null : Object.keys(otlpHeaders) }) } }),
  };
}
