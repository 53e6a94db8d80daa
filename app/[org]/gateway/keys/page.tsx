import type { Metadata } from "next";
import { requireGatewayAccess } from "../require-access";
import { KeysPageClient } from "./keys-page-client";

export const metadata: Metadata = { title: "API Keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireGatewayAccess(org);
  return <KeysPageClient />;
}
