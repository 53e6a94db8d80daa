"use client";
// Built-in providers draw on the organization's prepaid balance, which starts
// at $0: say so where a first request is promised (setup result) or refused
// with 402 (Connect), with the way out — credits on Spending for an admin, an
// admin (or the operator) for a member.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useOrganization } from "@/components/organization-context";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { balanceQueryKey, type Balance } from "./spending/balance-types";

export function BalanceHint({ when }: { when: "empty" | "refused" }) {
  const { slug, role } = useOrganization();
  const isAdmin = role === "admin";
  const balance = useQuery({
    queryKey: balanceQueryKey(slug),
    queryFn: ({ signal }) => apiFetch<Balance>(slug, "balance", { signal }),
    enabled: isAdmin && when === "empty",
  });
  if (when === "empty" && (!isAdmin || !balance.data || balance.data.balanceUsd > 0)) return null;
  return (
    <p className="text-sm text-warning">
      {when === "empty" ? "The built-in providers are paid from this organization's prepaid balance, which is $0.00: requests through them are refused (402) until it has credits. " : "The organization's prepaid balance is too low for built-in providers. "}
      {isAdmin ? (
        <>
          <Link href={`/${slug}/gateway/spending`} className="font-medium underline">
            Add credits on Spending
          </Link>{" "}
          (given by the gateway&apos;s operator, or bought with the configured payment method), or use a provider with your own API key.
        </>
      ) : (
        "Ask an admin of this organization to add credits."
      )}
    </p>
  );
}
