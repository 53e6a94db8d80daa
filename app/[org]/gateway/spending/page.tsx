import type { Metadata } from "next";
import { parseChoice, SPENDING_PERIODS } from "@/lib/dashboard/charts/periods";
import { SPENDING_GROUPS } from "@/lib/spending/schemas";
import { requireGatewayAccess } from "../require-access";
import { SpendingPageClient } from "./page-client";

export const metadata: Metadata = { title: "Spending" };

export default async function SpendingPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  await requireGatewayAccess(org, { admin: true });
  const query = await searchParams;
  return (
    <SpendingPageClient
      initialPeriod={parseChoice(query.period, SPENDING_PERIODS, "30d")}
      initialGroupBy={parseChoice(query.groupBy, SPENDING_GROUPS, "model")}
    />
  );
}
