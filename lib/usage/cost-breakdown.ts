// A request's cost split per token class, for the request log's detail. The
// record stores the total the proxy charged; the split is recomputed from the
// model's rates (the provider's custom price, else the catalog) at the time of
// the request, and flagged when today's rates no longer add up to that total.
import { db } from "../db";
import { costByUnit, findModelRates, type TokenUsage } from "../pricing";
import { microsToUsd } from "../money";

export interface CostLine {
  /** A pricing unit ("input_tokens", "cache_read_tokens", "output_reasoning_tokens", …) or "request" for a flat fee. */
  tokenClass: string;
  tokens: number;
  costUsd: number;
}

export interface CostBreakdown {
  lines: CostLine[];
  /** False when the lines do not sum to the recorded cost (prices changed since, or the usage was estimated). */
  matchesRecorded: boolean;
}

export interface CostedUsage extends TokenUsage {
  organizationId: string;
  providerSlug: string | null;
  model: string | null;
  time: Date;
  costMicros: bigint;
}

export async function costBreakdown(usage: CostedUsage): Promise<CostBreakdown | null> {
  if (!usage.providerSlug || !usage.model) return null;
  const provider = await db.provider.findUnique({
    where: { organizationId_slug: { organizationId: usage.organizationId, slug: usage.providerSlug } },
    select: { type: true, baseUrl: true, prices: true },
  });
  // Built-in providers may have no row of their own; their slug is their type.
  const rates = findModelRates(
    { providerType: provider?.type ?? usage.providerSlug, customPrices: provider?.prices, providerBaseUrl: provider?.baseUrl ?? undefined },
    usage.model,
    usage.time,
  );
  if (!rates) return null;
  const { lines, perRequestMicros, totalMicros } = costByUnit(rates, usage);
  const shown: CostLine[] = lines.map((line) => ({ tokenClass: line.unit, tokens: line.quantity, costUsd: microsToUsd(line.costMicros) }));
  if (perRequestMicros > 0n) shown.push({ tokenClass: "request", tokens: 0, costUsd: microsToUsd(perRequestMicros) });
  return { lines: shown, matchesRecorded: totalMicros === usage.costMicros };
}
