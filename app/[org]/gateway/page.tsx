// /[org]/gateway opens the first tab the viewer may use.
import { redirect } from "next/navigation";
import { requireGatewayAccess } from "./require-access";
import { visibleTabs } from "./tabs";

export default async function GatewayIndexPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const access = await requireGatewayAccess(org);
  redirect(`/${org}/gateway/${visibleTabs(access.organization.role)[0].segment}`);
}
