// GET /api/v1/routes: what any member may call through the proxy — route slugs,
// their provider type and known models — so Connect and the Playground work for
// members, who cannot read the (admin-only) providers and routing groups.
import { z } from "zod";
import { defineOperation } from "../api/operation";
import { PROVIDER_TYPES } from "../providers/schemas";

export const routeSummarySchema = z.object({
  slug: z.string().describe("the <route> segment of /proxy/<route>/…"),
  name: z.string(),
  kind: z.enum(["provider", "group"]),
  type: z.enum(PROVIDER_TYPES).nullable().describe("the provider type; for a group, its members' type, or null when they mix types"),
  providerTypes: z.array(z.enum(PROVIDER_TYPES)).describe("distinct provider types behind the route"),
  models: z.array(z.string()).describe("known model ids (the list is not exhaustive)"),
  modelsSource: z.enum(["provider", "suggested"]).describe("provider: listed by the upstream or priced on it; suggested: popular models of the type"),
});

export type RouteSummary = z.infer<typeof routeSummarySchema>;

export const listRoutesOperation = defineOperation({
  method: "GET",
  path: "/api/v1/routes",
  summary: "Routes the organization's keys can call, with known models (no credentials; members may call it)",
  tag: "Routes",
  response: z.array(routeSummarySchema),
});
