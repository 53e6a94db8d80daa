// Management API operations for turning the gateway on and reading its state.
import { z } from "zod";
import { defineOperation } from "../api/operation";
import { slugSchema } from "../providers/schemas";

export const gatewaySetupSchema = z.object({
  mode: z.enum(["recommended", "manual"], { message: 'mode must be "recommended" or "manual"' }),
  /** Project for the Quick Start key and telemetry (recommended mode); the default project when omitted. */
  project: slugSchema.optional(),
});
export type GatewaySetupInput = z.infer<typeof gatewaySetupSchema>;

export const gatewaySetupResponseSchema = z.object({
  enabled: z.literal(true),
  providers: z.array(z.object({ slug: z.string(), name: z.string() })),
  key: z.object({ id: z.string(), name: z.string(), secret: z.string() }).optional(),
  connectUrl: z.string().optional(),
});
export type GatewaySetupResult = z.infer<typeof gatewaySetupResponseSchema>;

export const gatewayResponseSchema = z.object({
  enabled: z.boolean(),
  /** What SDKs use as their base URL: `<public URL>/proxy`. */
  baseUrl: z.string(),
  baseUrlConfigured: z.boolean().describe("GATEWAY_PUBLIC_URL is set; when false, baseUrl is a guess (localhost) and the dashboard shows its own address instead"),
  telemetry: z.object({
    enabled: z.boolean(),
    project: z.string().nullable(),
    otlpEndpoint: z.string().nullable(),
    captureContent: z.boolean(),
  }),
});
export type GatewayView = z.infer<typeof gatewayResponseSchema>;

// OTLP headers as an object, or in OTEL_EXPORTER_OTLP_HEADERS form ("name=value,name2=value2").
const otlpHeadersSchema = z.union([
  z.record(z.string().min(1), z.string()),
  z.string().transform((text, context) => {
    const headers: Record<string, string> = {};
    for (const pair of text.split(",").map((part) => part.trim()).filter(Boolean)) {
      const separator = pair.indexOf("=");
      if (separator <= 0) {
        context.addIssue({ code: "custom", message: 'otlpHeaders must look like "name=value,name2=value2"' });
        return z.NEVER;
      }
      headers[decodeURIComponent(pair.slice(0, separator).trim())] = decodeURIComponent(pair.slice(separator + 1).trim());
    }
    return headers;
  }),
]);

export const gatewayUpdateSchema = z
  .object({
    enabled: z.boolean().optional(),
    telemetry: z
      .object({
        enabled: z.boolean().optional(),
        /** Project slug whose traces these are; null clears it. */
        project: slugSchema.nullable().optional(),
        otlpEndpoint: z.url({ message: "otlpEndpoint must be an http(s) URL", protocol: /^https?$/ }).nullable().optional(),
        /** Write-only: stored encrypted, never answered. null clears them. */
        otlpHeaders: otlpHeadersSchema.nullable().optional(),
        captureContent: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type GatewayUpdateInput = z.infer<typeof gatewayUpdateSchema>;

export const setupGatewayOperation = defineOperation({
  method: "POST",
  path: "/api/v1/gateway/setup",
  summary: "Enable the gateway: recommended (full onboarding) or manual (only turn it on)",
  tag: "Gateway",
  admin: true,
  body: gatewaySetupSchema,
  response: gatewaySetupResponseSchema,
});

export const getGatewayOperation = defineOperation({
  method: "GET",
  path: "/api/v1/gateway",
  summary: "Whether the gateway is enabled, its base URL and telemetry settings",
  tag: "Gateway",
  response: gatewayResponseSchema,
});

export const updateGatewayOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/gateway",
  summary: "Turn the gateway on or off and set telemetry (OTLP headers are write-only)",
  tag: "Gateway",
  admin: true,
  body: gatewayUpdateSchema,
  response: gatewayResponseSchema,
});
