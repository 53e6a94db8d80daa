import type { Metadata } from "next";
import { requireGatewayAccess } from "../require-access";
import { ProvidersPageClient } from "./providers-page-client";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireGatewayAccess(org, { admin: true });
  return <ProvidersPageClient />;
}
