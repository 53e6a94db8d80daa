import type { Metadata } from "next";
import { requireGatewayAccess } from "../require-access";
import { TabPlaceholder } from "../tab-placeholder";

export const metadata: Metadata = { title: "Connect" };

export default async function ConnectPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireGatewayAccess(org);
  return <TabPlaceholder title="Connect" />;
}
