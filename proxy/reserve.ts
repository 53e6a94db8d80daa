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
import { isBilledOperation } from "./request-context";

// Methods that only read: an unknown path read this way (a file, a batch's status) creates no billable work.
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS", "DELETE"]);

/**
 * Members that may serve this request; throws model_not_priced when none may.
 * A member needs a price for the model when it requires pricing, draws on the
 * prepaid balance, or a USD limit applies to the key: an unpriced model would
 * otherwise be metered at $0 and spend past the limit without bound. A path the
 * adapter cannot meter ("other") is refused on such members unless it only reads.
 */
export function pricedCandidates(providers: ResolvedProvider[], info: RequestInfo, key: CachedKey, method: string): ResolvedProvider[] {
  if (!isBilledOperation(info.operation)) return providers;
  const unknownOperation = info.operation === "other";
  if (unknownOperation ? READ_METHODS.has(method) : !info.model) return providers;
  const usdLimitApplies = limitChecks(key, new Date()).length > 0;
  const allowed = providers.filter((provider) => {
    if (!provider.requirePricing && !provider.builtin && !usdLimitApplies) return true;
    return !unknownOperation && isModelPriced(provider.pricing, info.model);
  });
  if (allowed.length) return allowed;
  const why = usdLimitApplies ? "a spending limit applies to this key" : "the provider requires pricing";
  if (unknownOperation) {
    throw new GatewayError(400, "model_not_priced", `The gateway cannot meter this operation, and ${why}; call a metered operation (see the README's metering table) or use a key without a USD limit on a provider that does not require pricing`);
  }
  throw new GatewayError(
    400,
    "model_not_priced",
    `Model '${info.model}' has no price on this route, and ${why}; set a custom price for it or a fallback price on the provider (the provider's prices in the dashboard, or "prices" / "fallbackPrice" with PATCH /api/v1/providers/{slug})`,
  );
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
