import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DevicePageClient } from "./page-client";

export const metadata: Metadata = { title: "Sign in a CLI" };

// GET /device – where a member approves a `gateway login` (RFC 8628's verification URI)
export default async function DevicePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user_code: userCode } = await searchParams;
  const code = typeof userCode === "string" ? userCode : "";
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(code ? `/device?user_code=${code}` : "/device")}`);
  const memberships = await db.membership.findMany({
    where: { userId: user.id },
    select: { role: true, organization: { select: { slug: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const organizations = memberships.map((membership) => ({
    slug: membership.organization.slug,
    name: membership.organization.name,
    role: membership.role === "admin" ? ("admin" as const) : ("member" as const),
  }));
  return (
    <main className="flex min-h-dvh flex-col items-center px-4 py-12">
      <DevicePageClient initialCode={code} email={user.email} organizations={organizations} />
    </main>
  );
}
