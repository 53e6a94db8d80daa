import type { Metadata } from "next";
import { requireGatewayAccess } from "../require-access";
import { PlaygroundPageClient } from "./playground-page-client";

export const metadata: Metadata = { title: "Playground" };

type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export default async function PlaygroundPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org } = await params;
  await requireGatewayAccess(org);
  const query = await searchParams;
  return <PlaygroundPageClient query={{ route: single(query.route), model: single(query.model), key: single(query.key) }} />;
}
