// Zod schemas of GET /api/v1/overview: the Overview tab's numbers for one period.
import { z } from "zod";
import { OVERVIEW_PERIODS } from "../dashboard/charts/periods";
import { SPENDING_INTERVALS, spendingPointSchema } from "../spending/schemas";

export const overviewQuerySchema = z.object({
  period: z.enum(OVERVIEW_PERIODS, { error: `period must be one of ${OVERVIEW_PERIODS.join(", ")}` }).default("24h"),
});

const totalsSchema = z.object({
  requests: z.number().int(),
  errors: z.number().int().describe("Requests answered with status 400 or more, refused ones included"),
  costUsd: z.number(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
});

export const overviewRankedRowSchema = z.object({
  id: z.string().nullable().describe("Model name or provider slug; null for requests refused before one was chosen"),
  label: z.string(),
  requests: z.number().int(),
  errors: z.number().int(),
  costUsd: z.number(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
});

export const overviewResponseSchema = z.object({
  period: z.enum(OVERVIEW_PERIODS),
  from: z.string().describe("Start of the oldest bucket (ISO 8601)"),
  to: z.string().describe("End, exclusive: now"),
  interval: z.enum(SPENDING_INTERVALS),
  totals: totalsSchema.extend({ errorRate: z.number().nullable().describe("errors / requests; null without requests") }),
  previous: totalsSchema.describe("The same totals over the period of equal length just before"),
  latency: z
    .object({
      p50Ms: z.number().nullable(),
      p95Ms: z.number().nullable(),
      averageMs: z.number().nullable(),
      sampleSize: z.number().int().describe("Requests forwarded to a provider in the period; refused ones have no upstream latency"),
    })
    .describe("Total request latency (nearest-rank percentiles)"),
  series: z.array(spendingPointSchema),
  topModels: z.array(overviewRankedRowSchema).describe("Every model of the period, most requests first"),
  topProviders: z.array(overviewRankedRowSchema).describe("Every provider of the period, most requests first"),
  lastRequestAt: z.string().nullable().describe("Time of the newest request ever logged; null when the gateway has not been used"),
});

export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
export type OverviewRankedRow = z.infer<typeof overviewRankedRowSchema>;
export type OverviewReport = z.infer<typeof overviewResponseSchema>;
