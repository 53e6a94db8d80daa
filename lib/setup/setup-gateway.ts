// POST /api/v1/gateway/setup. Manual mode only switches the gateway on;
// recommended mode runs the whole onboarding (SPEC §3) — each step is its own
// function so the remaining ones slot in without reshaping this file.
import type { Caller } from "../api/caller";
import { ApiError } from "../api/errors";
import { recordAudit } from "../audit";
import { bumpConfigEpoch } from "../cache/config-epoch";
import { db } from "../db";
import type { GatewaySetupInput, GatewaySetupResult } from "./operations";

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

// Still to come: activate built-in providers, turn telemetry on for the
// project, create the "Quick Start" key, answer with key and connectUrl.
async function recommendedSetup(_caller: Caller, _input: GatewaySetupInput): Promise<GatewaySetupResult> {
  throw new ApiError("bad_request", "Recommended setup is not available yet");
}

/** Idempotent: running setup again on an enabled gateway changes nothing. */
async function enableGateway(organizationId: string): Promise<void> {
  await db.gatewaySettings.upsert({
    where: { organizationId },
    create: { organizationId, enabled: true },
    update: { enabled: true },
  });
}
