import type { Metadata } from "next";
import { requireGatewayAccess } from "../require-access";
import { TabPlaceholder } from "../tab-placeholder";

export const metadata: Metadata = { title: "Playground" };

export default async function PlaygroundPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireGatewayAccess(org);
  return <TabPlaceholder title="Playground" />;
}
