// The Gateway page shell: header, then either the setup panel (gateway never
// turned on) or the tab bar and the current tab.
import Link from "next/link";
import type { ReactNode } from "react";
import { OrganizationProvider } from "@/components/organization-context";
import { Alert } from "@/components/ui/alert";
import { getGatewayStatus } from "@/lib/setup/gateway-settings";
import { GatewayHeader } from "./gateway-header";
import { GatewayTabs } from "./gateway-tabs";
import { requireGatewayAccess } from "./require-access";
import { SetupPanel } from "./setup-panel";
import { visibleTabs } from "./tabs";

export default async function GatewayLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const access = await requireGatewayAccess(org);
  const { organization } = access;
  const gateway = await getGatewayStatus(organization.id);
  const isAdmin = organization.role === "admin";

  return (
    <OrganizationProvider value={{ slug: organization.slug, name: organization.name, role: organization.role }}>
      <div className="flex min-h-dvh flex-col">
        <GatewayHeader
          current={organization.slug}
          organizations={access.organizations.map(({ slug, name }) => ({ slug, name }))}
          email={access.user.email}
        />
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          <div className="mb-6">
            <p className="text-xs font-medium uppercase tracking-wider text-muted">{organization.name}</p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight">Gateway</h1>
          </div>
          {gateway.setUp ? (
            <>
              <GatewayTabs organizationSlug={organization.slug} tabs={visibleTabs(organization.role)} />
              {!gateway.enabled && (
                <div className="mt-6">
                  <Alert tone="warning">
                    The gateway is turned off: requests through it are refused.{" "}
                    {isAdmin ? (
                      <Link href={`/${organization.slug}/gateway/settings`} className="font-medium underline">
                        Turn it on in Settings
                      </Link>
                    ) : (
                      "Ask an admin to turn it back on."
                    )}
                  </Alert>
                </div>
              )}
              <div className="mt-6">{children}</div>
            </>
          ) : isAdmin ? (
            <SetupPanel organizationSlug={organization.slug} />
          ) : (
            <MemberWaitingNotice organizationName={organization.name} />
          )}
        </main>
      </div>
    </OrganizationProvider>
  );
}

function MemberWaitingNotice({ organizationName }: { organizationName: string }) {
  return (
    <section className="rounded-xl border border-border bg-surface px-6 py-10 text-center shadow-sm">
      <h2 className="text-base font-semibold">Nothing to see yet</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-muted">
        The gateway is not enabled yet; ask an admin of {organizationName} to set it up.
      </p>
    </section>
  );
}
