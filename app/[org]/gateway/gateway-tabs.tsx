"use client";
// The tab bar; the active tab follows the URL.
import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";
import type { GatewayTab } from "./tabs";

export function GatewayTabs({ organizationSlug, tabs }: { organizationSlug: string; tabs: GatewayTab[] }) {
  const activeSegment = useSelectedLayoutSegment();
  return (
    <nav aria-label="Gateway sections" className="-mx-4 overflow-x-auto border-b border-border px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => {
          const active = tab.segment === activeSegment;
          return (
            <li key={tab.segment}>
              <Link
                href={`/${organizationSlug}/gateway/${tab.segment}`}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium transition-colors ${
                  active ? "border-primary text-foreground" : "border-transparent text-muted hover:border-border-strong hover:text-foreground"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
