// Zod schemas of GET /api/v1/spending (SPEC §3): the query and the answer.
import { z } from "zod";
import { isoInstantSchema } from "../usage/time-range";

export const SPENDING_GROUPS = ["project", "member", "key", "provider", "model"] as const;
export const SPENDING_INTERVALS = ["hour", "day"] as const;

export type SpendingGroup = (typeof SPENDING_GROUPS)[number];
export type SpendingInterval = (typeof SPENDING_INTERVALS)[number];

export const spendingQuerySchema = z.object({
  from: isoInstantSchema("from").optional().describe("Start (inclusive); default 30 days before `to`"),
  to: isoInstantSchema("to").optional().describe("End (exclusive); default now"),
  groupBy: z.enum(SPENDING_GROUPS, { error: `groupBy must be one of ${SPENDING_GROUPS.join(", ")}` }).default("model"),
  interval: z.enum(SPENDING_INTERVALS, { error: `interval must be one of ${SPENDING_INTERVALS.join(", ")}` }).default("day"),
});

export type SpendingQuery = z.infer<typeof spendingQuerySchema>;

export const spendingPointSchema = z.object({
  t: z.string().describe("UTC start of the hour or day (ISO 8601)"),
  costUsd: z.number(),
  requests: z.number().int(),
  errors: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
});

export const spendingBreakdownRowSchema = z.object({
  id: z.string().nullable().describe("Project, membership or key id, provider slug or model; null for none (with groupBy=member: project keys)"),
  label: z.string(),
  costUsd: z.number(),
  requests: z.number().int(),
});

export const spendingResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(SPENDING_INTERVALS),
  groupBy: z.enum(SPENDING_GROUPS),
  totalUsd: z.number(),
  requests: z.number().int(),
  errors: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  averageLatencyMs: z.number().nullable(),
  series: z.array(spendingPointSchema),
  breakdown: z.array(spendingBreakdownRowSchema).describe("Complete: its costs sum to totalUsd"),
});

export type SpendingPoint = z.infer<typeof spendingPointSchema>;
export type SpendingBreakdownRow = z.infer<typeof spendingBreakdownRowSchema>;
export type SpendingReport = z.infer<typeof spendingResponseSchema>;

export const SPENDING_EXPORT_FORMATS = ["csv"] as const;

export const spendingExportQuerySchema = z.object({
  from: isoInstantSchema("from").optional().describe("Start (inclusive; rollups are hourly, so from the start of its hour); default 30 days before `to`"),
  to: isoInstantSchema("to").optional().describe("End (exclusive); default now"),
  format: z.enum(SPENDING_EXPORT_FORMATS, { error: `format must be one of ${SPENDING_EXPORT_FORMATS.join(", ")}` }).default("csv"),
});

export type SpendingExportQuery = z.infer<typeof spendingExportQuerySchema>;
