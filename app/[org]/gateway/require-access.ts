// Page guard for everything under /[org]/gateway: signed out → sign-in,
// not a member → 404 (an outsider learns nothing about the organization),
// a member on an admin-only tab → their Connect tab, with a notice.
import { notFound, redirect } from "next/navigation";
import { getOrganizationAccess, type OrganizationAccess } from "@/lib/auth/organization-access";

export type MemberAccess = Extract<OrganizationAccess, { status: "member" }>;

export async function requireGatewayAccess(organizationSlug: string, options: { admin?: boolean } = {}): Promise<MemberAccess> {
  const access = await getOrganizationAccess(organizationSlug);
  if (access.status === "signed-out") {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${organizationSlug}/gateway`)}`);
  }
  if (access.status === "not-a-member") notFound();
  // Said on arrival, so a member who followed an admin's link knows why they landed on Connect.
  if (options.admin && access.organization.role !== "admin") redirect(`/${organizationSlug}/gateway/connect?notice=admins-only`);
  return access;
}
