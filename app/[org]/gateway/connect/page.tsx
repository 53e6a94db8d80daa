import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { requireGatewayAccess } from "../require-access";
import { ConnectPageClient } from "./connect-page-client";

export const metadata: Metadata = { title: "Connect" };

type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export default async function ConnectPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org } = await params;
  await requireGatewayAccess(org);
  const query = await searchParams;
  return (
    <>
      {single(query.notice) === "admins-only" && (
        <div className="mb-6">
          <Alert tone="warning">That page is for admins only; ask an admin of this organization if you need something there. You are on Connect instead.</Alert>
        </div>
      )}
      <ConnectPageClient query={{ route: single(query.route), model: single(query.model), key: single(query.key) }} />
    </>
  );
}
