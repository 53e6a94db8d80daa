// An organization's telemetry settings as the proxy needs them on every request:
// whether to export, where (endpoint and decrypted headers) and whether to
// capture content. Cached like the organization's routes and cleared by the
// config epoch, so a settings change reaches every proxy within a second.
import { TtlCache } from "../cache/ttl-cache";
import { decryptJson } from "../crypto";
import { db } from "../db";

export interface TelemetryDestination {
  /** The OTLP base URL (like OTEL_EXPORTER_OTLP_ENDPOINT); traces go to <endpoint>/v1/traces. */
  endpoint: string;
  headers: Record<string, string>;
}

export interface OrganizationTelemetry {
  destination: TelemetryDestination;
  captureContent: boolean;
}

const cache = new TtlCache<OrganizationTelemetry | null>(60_000, 10_000);

/** Null when telemetry is off or has nowhere to go. */
export function organizationTelemetry(organizationId: string): Promise<OrganizationTelemetry | null> {
  return cache.get(organizationId, () => loadOrganizationTelemetry(organizationId));
}

async function loadOrganizationTelemetry(organizationId: string): Promise<OrganizationTelemetry | null> {
  const settings = await db.gatewaySettings.findUnique({
    where: { organizationId },
    select: { telemetryEnabled: true, otlpEndpoint: true, encryptedOtlpHeaders: true, captureContent: true },
  });
  if (!settings?.telemetryEnabled || !settings.otlpEndpoint) return null;
  const headers = decryptHeaders(settings.encryptedOtlpHeaders, organizationId);
  if (!headers) return null;
  return { destination: { endpoint: settings.otlpEndpoint, headers }, captureContent: settings.captureContent };
}

/** The stored headers, or null when they cannot be read (exporting without them would only be refused). */
export function decryptHeaders(encrypted: string | null, organizationId: string): Record<string, string> | null {
  if (!encrypted) return {};
  try {
    const value = decryptJson<unknown>(encrypted);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  } catch (error) {
    console.error(`[telemetry] OTLP headers of organization ${organizationId} cannot be decrypted (GATEWAY_SECRET changed?)`, error);
    return null;
  }
}
