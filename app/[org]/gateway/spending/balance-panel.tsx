"use client";
// The prepaid balance that built-in providers draw from: the amount, adding
// credits, and auto-recharge.
import { useQuery } from "@tanstack/react-query";
import { Panel } from "@/components/charts/panel";
import { ErrorBlock, LoadingBlock } from "@/components/charts/panel-states";
import { formatMoney } from "@/components/format/money";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { AddCreditsForm } from "./add-credits-form";
import { AutoRechargeForm } from "./auto-recharge-form";
import { balanceQueryKey, type Balance } from "./balance-types";

export function BalancePanel({ organizationSlug, className }: { organizationSlug: string; className?: string }) {
  const balance = useQuery({
    queryKey: balanceQueryKey(organizationSlug),
    queryFn: ({ signal }) => apiFetch<Balance>(organizationSlug, "balance", { signal }),
  });
  const data = balance.data;
  return (
    <Panel title="Balance" description="Prepaid funds that built-in providers draw from" className={className}>
      {balance.isPending ? (
        <LoadingBlock height={320} />
      ) : balance.isError ? (
        <ErrorBlock error={balance.error} onRetry={() => void balance.refetch()} />
      ) : (
        <div className="divide-y divide-border">
          <div className="pb-5">
            <p className={`text-3xl font-semibold tracking-tight tabular-nums ${data!.balanceUsd < 0 ? "text-danger" : ""}`}>
              {formatMoney(data!.balanceUsd)}
            </p>
            <p className="mt-1 text-xs text-muted">
              {data!.reservedUsd > 0 ? `${formatMoney(data!.reservedUsd)} held for requests in flight · ` : ""}
              {data!.autoRecharge.enabled
                ? `Auto-recharge to ${formatMoney(data!.autoRecharge.targetUsd)} below ${formatMoney(data!.autoRecharge.thresholdUsd)}`
                : "Auto-recharge is off"}
            </p>
          </div>
          <div className="py-5">
            <AddCreditsForm organizationSlug={organizationSlug} />
          </div>
          <div className="pt-5">
            {/* Keyed by the saved settings so the form starts over when they change. */}
            <AutoRechargeForm key={JSON.stringify(data!.autoRecharge)} organizationSlug={organizationSlug} saved={data!.autoRecharge} />
          </div>
        </div>
      )}
    </Panel>
  );
}
