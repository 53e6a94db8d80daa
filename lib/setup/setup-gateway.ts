// POST /api/v1/gateway/setup. Manual mode only switches the gateway on;
// recommended mode runs the whole onboarding (SPEC §3): gateway on, every
// built-in provider activated, telemetry on for the project, a "Quick Start"
// project key — answered once with its secret and where to go next.
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { bumpConfigEpoch } from "../cache/config-epoch";
import { db } from "../db";
import { createKey } from "../keys/service";
import { resolveProject } from "../projects/service";
import { activateBuiltinProviders } from "../providers/service";
import type { GatewaySetupInput, GatewaySetupResult } from "./operations";

export const QUICK_START_KEY_NAME = "Quick Start";

export async function setupGateway(caller: Caller, input: GatewaySetupInput): Promise<GatewaySetupResult> {
  switch (input.mode) {
    case "manual":
      return manualSetup(caller);
    case "recommended":
      return recommendedSetup(caller, input);
  }
}

async function manualSetup(caller: Caller): Promise<GatewaySetupResult> {
  await enableGateway(caller.organizationId);
  await recordAudit(caller, "gateway.setup", { type: "organization", id: caller.organizationId }, { mode: "manual" });
  await bumpConfigEpoch();
  return { enabled: true, providers: [] };
}

async function recommendedSetup(caller: Caller, input: GatewaySetupInput): Promise<GatewaySetupResult> {
  // Resolve the project first: an unknown slug is a 404 before anything changes.
  const project = await resolveProject(caller.organizationId, input.project);
  await enableGateway(caller.organizationId, { telemetryEnabled: true, telemetryProjectId: project.id });
  const providers = await activateBuiltinProviders(caller);
  const key = await createKey(caller, { name: QUICK_START_KEY_NAME, project: project.slug, kind: "project" });
  await recordAudit(caller, "gateway.setup", { type: "organization", id: caller.organizationId }, {
    mode: "recommended",
    project: project.slug,
    providers: providers.map((provider) => provider.slug),
    key: key.id,
  });
  await bumpConfigEpoch();
  return {
    enabled: true,
    providers: providers.map((provider) => ({ slug: provider.slug, name: provider.name })),
    key: { id: key.id, name: key.name, secret: key.secret },
    connectUrl: `/${caller.organizationSlug}/gateway/connect?key=${encodeURIComponent(key.id)}`,
  };
}

/** Idempotent: running setup again on an enabled gateway changes nothing but the extras given. */
async function enableGateway(organizationId: string, extras: { telemetryEnabled?: boolean; telemetryProjectId?: string } = {}): Promise<void> {
  await db.gatewaySettings.upsert({
    where: { organizationId },
    create: { organizationId, enabled: true, ...extras },
    update: { enabled: true, ...extras },
  });
}
