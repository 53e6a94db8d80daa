import type { Metadata } from "next";
import { requireGatewayAccess } from "../require-access";
import { SettingsPageClient } from "./settings-page-client";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireGatewayAccess(org, { admin: true });
  return <SettingsPageClient />;
}
