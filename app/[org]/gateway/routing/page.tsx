import type { Metadata } from "next";
import { requireGatewayAccess } from "../require-access";
import { RoutingPageClient } from "./routing-page-client";

export const metadata: Metadata = { title: "Routing" };

export default async function RoutingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireGatewayAccess(org, { admin: true });
  return <RoutingPageClient />;
}
