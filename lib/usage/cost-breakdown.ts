// A request's cost split per token class, for the request log's detail. The
// record stores the total the proxy charged; the split is recomputed from the
// model's rates (the provider's custom price, else the catalog) at the time of
// the request, and flagged when today's rates no longer add up to that total.
import { db } from "../db";
import { findModelRates } from "../pricing";
import { roundHalfUp, sumProducts, type DecimalRate } from "../pricing/decimal-rate";
import { rateFor } from "../pricing/model-rates";
import { microsToUsd } from "../money";

export interface CostLine {
  tokenClass: "input" | "cache_read" | "cache_write" | "output" | "request";
  tokens: number;
  costUsd: number;
}

export interface CostBreakdown {
  lines: CostLine[];
  /** False when the lines do not sum to the recorded cost (prices changed since, or the usage was estimated). */
  matchesRecorded: boolean;
}

export interface CostedUsage {
  organizationId: string;
  providerSlug: string | null;
  model: string | null;
  time: Date;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costMicros: bigint;
}

export async function costBreakdown(usage: CostedUsage): Promise<CostBreakdown | null> {
  if (!usage.providerSlug || !usage.model) return null;
  const provider = await db.provider.findUnique({
    where: { organizationId_slug: { organizationId: usage.organizationId, slug: usage.providerSlug } },
    select: { type: true, prices: { select: { model: true, inputPerMillionMicros: true, outputPerMillionMicros: true, cacheReadPerMillionMicros: true, cacheWritePerMillionMicros: true } } },
  });
  // Built-in providers may have no row of their own; their slug is their type.
  const rates = findModelRates(provider?.type ?? usage.providerSlug, usage.model, provider?.prices, usage.time);
  if (!rates) return null;
  const input = rateFor(rates.input, usage.inputTokens);
  const terms: Array<{ tokenClass: CostLine["tokenClass"]; quantity: number; rate: DecimalRate }> = [
    { tokenClass: "input", quantity: Math.max(0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens), rate: input },
    { tokenClass: "cache_read", quantity: usage.cacheReadTokens, rate: rates.cacheRead ? rateFor(rates.cacheRead, usage.inputTokens) : input },
    { tokenClass: "cache_write", quantity: usage.cacheWriteTokens, rate: rates.cacheWrite ? rateFor(rates.cacheWrite, usage.inputTokens) : input },
    { tokenClass: "output", quantity: usage.outputTokens, rate: rateFor(rates.output, usage.inputTokens) },
  ];
  if (rates.perRequest) terms.push({ tokenClass: "request", quantity: 1, rate: rates.perRequest });
  const shown = terms.filter((term) => term.quantity > 0 || term.tokenClass === "input" || term.tokenClass === "output");
  const lines = shown.map((term) => ({
    tokenClass: term.tokenClass,
    tokens: term.tokenClass === "request" ? 0 : term.quantity,
    costUsd: microsToUsd(roundHalfUp(sumProducts([{ quantity: term.quantity, rate: term.rate }]))),
  }));
  const total = roundHalfUp(sumProducts(terms.map(({ quantity, rate }) => ({ quantity, rate }))));
  return { lines, matchesRecorded: total === usage.costMicros };
}
