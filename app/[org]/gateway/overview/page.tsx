import type { Metadata } from "next";
import { OVERVIEW_PERIODS, parseChoice } from "@/lib/dashboard/charts/periods";
import { requireGatewayAccess } from "../require-access";
import { OverviewPageClient } from "./page-client";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  await requireGatewayAccess(org, { admin: true });
  const { period } = await searchParams;
  return <OverviewPageClient initialPeriod={parseChoice(period, OVERVIEW_PERIODS, "24h")} />;
}
