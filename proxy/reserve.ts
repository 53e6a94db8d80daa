// Before forwarding: refuse unpriced models where pricing is required, then
// hold the request's worst-case cost against every limit that applies.
import type { CachedKey } from "@/lib/cache/key-cache";
import type { ResolvedProvider } from "@/lib/cache/organization-routes";
import type { CounterStore, Reservation } from "@/lib/limits/counter-store";
import { limitChecks, limitExceededMessage } from "@/lib/limits/plan";
import { formatUsd } from "@/lib/money";
import { estimateWorstCaseMicros, isModelPriced } from "@/lib/pricing";
import { GatewayError } from "./errors";
import type { RequestInfo } from "./providers/types";

/** Members that may serve this model; throws model_not_priced when none may. */
export function pricedCandidates(providers: ResolvedProvider[], info: RequestInfo): ResolvedProvider[] {
  if (!info.model || info.operation === "count_tokens") return providers;
  const allowed = providers.filter(
    (provider) => !provider.requirePricing || isModelPriced(provider.pricing, info.model),
  );
  if (!allowed.length) {
    throw new GatewayError(400, "model_not_priced", `Model '${info.model}' has no price on this route, and the provider requires pricing`);
  }
  return allowed;
}

export async function reserveForRequest(options: {
  store: CounterStore;
  requestId: string;
  key: CachedKey;
  providers: ResolvedProvider[];
  info: RequestInfo;
  requestBytes: number;
}): Promise<Reservation> {
  const { store, key, providers, info } = options;
  const inputTokensEstimate = Math.ceil(options.requestBytes / 3);
  let amountMicros = 0n;
  if (info.model && info.operation !== "count_tokens") {
    for (const provider of providers) {
      const estimate = estimateWorstCaseMicros({
        ...provider.pricing,
        model: info.model,
        inputTokensEstimate,
        maxOutputTokens: info.maxOutputTokens ?? provider.reserveOutputTokens,
      });
      if (estimate.costMicros > amountMicros) amountMicros = estimate.costMicros;
    }
  }
  const result = await store.reserve({
    requestId: options.requestId,
    organizationId: key.organizationId,
    checks: limitChecks(key, new Date()),
    balanceOrganizationId: providers.some((provider) => provider.builtin) ? key.organizationId : null,
    amountMicros,
  });
  if (result.ok) return result.reservation;
  if (result.failure.kind === "unavailable") {
    throw new GatewayError(503, "service_unavailable", "The gateway cannot reach its database to check this key's spending limits; retry shortly");
  }
  if (result.failure.kind === "limit") {
    throw new GatewayError(429, "spending_limit_exceeded", limitExceededMessage(result.failure.check));
  }
  throw new GatewayError(
    402,
    "insufficient_balance",
    `The organization's prepaid balance (${formatUsd(result.failure.balanceMicros)}) is too low for this request (up to ${formatUsd(amountMicros)}); add credits`,
  );
}
