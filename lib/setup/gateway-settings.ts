// Reading an organization's gateway settings, for the API and the dashboard.
import { db } from "../db";
import { env, publicUrl } from "../env";
import type { GatewayView } from "./operations";

/** GET /api/v1/gateway's answer. An organization without a settings row reads as "off". */
export async function getGatewayView(organizationId: string): Promise<GatewayView> {
  const settings = await db.gatewaySettings.findUnique({
    where: { organizationId },
    select: { enabled: true, telemetryEnabled: true, telemetryProjectId: true, otlpEndpoint: true, captureContent: true },
  });
  const project = settings?.telemetryProjectId
    ? await db.project.findUnique({ where: { id: settings.telemetryProjectId }, select: { slug: true } })
    : null;
  return {
    enabled: settings?.enabled ?? false,
    baseUrl: `${publicUrl()}/proxy`,
    baseUrlConfigured: Boolean(env().GATEWAY_PUBLIC_URL),
    telemetry: {
      enabled: settings?.telemetryEnabled ?? false,
      project: project?.slug ?? null,
      otlpEndpoint: settings?.otlpEndpoint ?? null,
      captureContent: settings?.captureContent ?? false,
    },
  };
}

export interface GatewayStatus {
  enabled: boolean;
  /** An admin has run setup before: a gateway that is off now was switched off on purpose. */
  setUp: boolean;
}

/** What the dashboard shell needs: show the setup panel, the tabs, or a "disabled" notice. */
export async function getGatewayStatus(organizationId: string): Promise<GatewayStatus> {
  const settings = await db.gatewaySettings.findUnique({ where: { organizationId }, select: { enabled: true } });
  if (settings?.enabled) return { enabled: true, setUp: true };
  const setup = await db.auditLog.findFirst({ where: { organizationId, action: "gateway.setup" }, select: { id: true } });
  return { enabled: false, setUp: setup !== null };
}
