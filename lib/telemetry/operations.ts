// Management API operation of telemetry: the settings form's "Send test span".
import { z } from "zod";
import { defineOperation } from "../api/operation";

export const telemetryTestSchema = z.object({
  /** Test this endpoint instead of the saved one (the form tests before saving). */
  otlpEndpoint: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//i.test(value), { message: "otlpEndpoint must be an http(s) URL" })
    .optional(),
  /** Headers to send with it, e.g. {"Authorization": "<write token>"}. Omitted: the saved headers, if the endpoint is the saved one. */
  otlpHeaders: z.record(z.string(), z.string()).optional(),
});
export type TelemetryTestInput = z.infer<typeof telemetryTestSchema>;

export const telemetryTestResponseSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export const sendTestSpanOperation = defineOperation({
  method: "POST",
  path: "/api/v1/gateway/telemetry/test",
  summary: "Send one test span to the OTLP endpoint (the saved one or the one given) and report the collector's answer",
  tag: "Gateway",
  admin: true,
  body: telemetryTestSchema,
  response: telemetryTestResponseSchema,
});
