// Turns telemetry on for a test organization by writing GatewaySettings the way
// PATCH /api/v1/gateway stores them (headers AES-GCM encrypted), then bumping
// the config epoch so the proxy's settings cache sees it at once.
export const TEST_WRITE_TOKEN = "Bearer test-write-token";

export interface TestTelemetrySettings {
  endpoint: string | null;
  captureContent?: boolean;
  enabled?: boolean;
  /** Defaults to {authorization: TEST_WRITE_TOKEN}. */
  headers?: Record<string, string>;
}

export async function configureTelemetry(organizationId: string, settings: TestTelemetrySettings): Promise<void> {
  const { db } = await import("@/lib/db");
  const { encryptJson } = await import("@/lib/crypto");
  const { bumpConfigEpoch } = await import("@/lib/cache/config-epoch");
  const data = {
    telemetryEnabled: settings.enabled ?? true,
    otlpEndpoint: settings.endpoint,
    encryptedOtlpHeaders: encryptJson(settings.headers ?? { authorization: TEST_WRITE_TOKEN }),
    captureContent: settings.captureContent ?? false,
  };
  await db.gatewaySettings.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data });
  await bumpConfigEpoch();
}

/** The organization a gateway key belongs to. */
export async function organizationOfKey(keyId: string): Promise<string> {
  const { db } = await import("@/lib/db");
  return (await db.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: { organizationId: true } })).organizationId;
}
