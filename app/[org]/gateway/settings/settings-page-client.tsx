"use client";
// The Settings tab: gateway switch, organization and projects, telemetry, management tokens, CLI sessions, members, audit log.
import { AuditLogSection } from "./audit-log-section";
import { CliSessionsSection } from "./cli-sessions-section";
import { GatewaySection } from "./gateway-section";
import { ManagementTokensSection } from "./management-tokens-section";
import { MembersSection } from "./members-section";
import { OrganizationSection } from "./organization-section";
import { TelemetrySection } from "./telemetry-section";

const SECTIONS = [
  ["gateway", "Gateway"],
  ["organization", "Organization and projects"],
  ["telemetry", "Telemetry"],
  ["management-tokens", "Management tokens"],
  ["cli-sessions", "CLI sessions"],
  ["members", "Members"],
  ["audit-log", "Audit log"],
] as const;

export function SettingsPageClient() {
  return (
    <div className="grid gap-6 lg:grid-cols-[11rem_1fr]">
      <nav aria-label="Settings sections" className="hidden lg:block">
        <ul className="sticky top-6 flex flex-col gap-0.5 text-sm">
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="block rounded-md px-3 py-1.5 text-muted hover:bg-surface-muted hover:text-foreground">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex min-w-0 flex-col gap-6">
        <GatewaySection />
        <OrganizationSection />
        <TelemetrySection />
        <ManagementTokensSection />
        <CliSessionsSection />
        <MembersSection />
        <AuditLogSection />
      </div>
    </div>
  );
}
