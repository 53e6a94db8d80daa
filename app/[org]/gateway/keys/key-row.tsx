"use client";
// One key in the list: who and what it is, its spend against each limit, and
// what can be done with it.
import Link from "next/link";
import { formatRelativeTime } from "@/components/format/time";
import { useOrganization } from "@/components/organization-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { KeyResponse } from "@/lib/keys/schemas";
import type { KeyHoldsItem } from "@/lib/spending/key-holds-schemas";
import { LimitBars } from "./limit-bars";

const STATUS = {
  active: { tone: "success", label: "Active" },
  disabled: { tone: "warning", label: "Disabled" },
  expired: { tone: "danger", label: "Expired" },
  revoked: { tone: "neutral", label: "Revoked" },
} as const;

const DATE = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" });

export interface KeyRowProps {
  apiKey: KeyResponse;
  /** Held room and today's refusals; null when there are none (or not loaded yet). */
  holds: KeyHoldsItem | null;
  showOwner: boolean;
  onReveal: () => void;
  onEdit: () => void;
  onToggle: () => void;
  onRevoke: () => void;
  toggling: boolean;
}

export function KeyRow({ apiKey, holds, showOwner, onReveal, onEdit, onToggle, onRevoke, toggling }: KeyRowProps) {
  const { slug } = useOrganization();
  const status = STATUS[apiKey.status];
  const revoked = apiKey.status === "revoked";
  const expiry = apiKey.revokedAt
    ? `Revoked ${DATE.format(new Date(apiKey.revokedAt))}`
    : apiKey.expiresAt
      ? `${apiKey.status === "expired" ? "Expired" : "Expires"} ${DATE.format(new Date(apiKey.expiresAt))}`
      : "Never expires";
  const compact = "h-8 px-3";
  return (
    <li className={`flex flex-col gap-4 px-5 py-4 ${revoked ? "opacity-70" : ""}`}>
      <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="truncate text-sm font-semibold">{apiKey.name}</h3>
            <Badge tone={status.tone}>{status.label}</Badge>
          </div>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
            <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-[11px] text-foreground">{apiKey.prefix}…</code>
            <span aria-hidden="true">·</span>
            <span>
              Project <span className="font-medium text-foreground">{apiKey.project}</span>
            </span>
            {showOwner && apiKey.ownerEmail && (
              <>
                <span aria-hidden="true">·</span>
                <span>{apiKey.ownerEmail}</span>
              </>
            )}
            <span aria-hidden="true">·</span>
            <span>{expiry}</span>
            <span aria-hidden="true">·</span>
            <span>{apiKey.lastUsedAt ? `Last used ${formatRelativeTime(apiKey.lastUsedAt)}` : "Never used"}</span>
          </p>
        </div>
        {!revoked && (
          <div className="-ml-3 flex shrink-0 flex-wrap items-center gap-1 md:ml-0">
            <Link
              href={`/${slug}/gateway/connect?key=${encodeURIComponent(apiKey.id)}`}
              className="inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-muted transition-colors hover:bg-surface-muted hover:text-foreground"
            >
              Connect
            </Link>
            <Button variant="ghost" className={compact} onClick={onReveal}>
              Reveal
            </Button>
            <Button variant="ghost" className={compact} onClick={onEdit}>
              Edit
            </Button>
            <Button variant="ghost" className={compact} onClick={onToggle} pending={toggling}>
              {apiKey.disabled ? "Enable" : "Disable"}
            </Button>
            <Button variant="ghost" className={`${compact} text-danger hover:bg-danger-surface hover:text-danger`} onClick={onRevoke}>
              Revoke
            </Button>
          </div>
        )}
      </div>
      {!revoked && <LimitBars apiKey={apiKey} holds={holds} />}
    </li>
  );
}
