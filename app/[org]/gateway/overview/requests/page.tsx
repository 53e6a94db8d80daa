import type { Metadata } from "next";
import { parseFilters } from "@/lib/dashboard/request-log/filters";
import { requireGatewayAccess } from "../../require-access";
import { RequestLogPageClient } from "./request-log-page-client";

export const metadata: Metadata = { title: "Requests" };

// Every member may open it: the usage API shows a member only their own requests.
export default async function RequestLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  await requireGatewayAccess(org);
  const query = await searchParams;
  const requestId = typeof query.request === "string" ? query.request : null;
  return <RequestLogPageClient initialFilters={parseFilters(query)} initialRequestId={requestId} />;
}
