"use client";
// Per-member daily, weekly and monthly caps, with what each member spent in
// the current window of each shown as a bar against the limit.
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { Panel } from "@/components/charts/panel";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/charts/panel-states";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { MemberResponse } from "@/lib/members/schemas";
import { LimitCell } from "./limit-cell";
import { LIMIT_WINDOWS } from "./limit-windows";
import { MemberLimitsForm } from "./member-limits-form";

export function MemberLimitsPanel({ organizationSlug }: { organizationSlug: string }) {
  const [editing, setEditing] = useState<string | null>(null);
  const members = useQuery({
    queryKey: ["members", organizationSlug],
    queryFn: ({ signal }) => apiFetch<MemberResponse[]>(organizationSlug, "members", { signal }),
  });
  const active = members.data?.filter((member) => member.status === "active") ?? [];

  return (
    <Panel
      title="Member limits"
      description="Caps on what each member spends through their personal keys. Windows reset at 00:00 UTC daily, on Mondays and on the 1st."
      bodyClassName="px-0 pb-2"
    >
      {members.isPending ? (
        <div className="px-5 pb-3">
          <LoadingBlock height={120} />
        </div>
      ) : members.isError ? (
        <div className="px-5 pb-3">
          <ErrorBlock error={members.error} onRetry={() => void members.refetch()} />
        </div>
      ) : active.length === 0 ? (
        <div className="px-5 pb-3">
          <EmptyBlock title="No members yet">Invite members in Settings; their limits are set here.</EmptyBlock>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[760px] table-fixed text-sm">
            <caption className="sr-only">Member spending limits</caption>
            <thead>
              <tr className="border-b border-border text-left text-xs text-muted">
                <th scope="col" className="py-2 pr-3 pl-5 font-medium">Member</th>
                {LIMIT_WINDOWS.map((window) => (
                  <th key={window.key} scope="col" className="w-48 px-3 py-2 font-medium">
                    {window.label}
                  </th>
                ))}
                <th scope="col" className="w-32 py-2 pr-5 pl-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {active.map((member) => (
                <Fragment key={member.id}>
                  <tr>
                    <td className="py-2.5 pr-3 pl-5">
                      <p className="truncate font-medium" title={member.email}>
                        {member.name || member.email}
                      </p>
                      <p className="truncate text-xs text-muted">
                        {member.name ? `${member.email} · ` : ""}
                        {member.role === "admin" ? "Admin" : "Member"}
                      </p>
                    </td>
                    {LIMIT_WINDOWS.map((window) => (
                      <td key={window.key} className="px-3 py-2.5 align-middle">
                        <LimitCell label={`${member.email}: ${window.label.toLowerCase()}`} spend={member.spend[window.key]} limit={member.limits[window.key]} />
                      </td>
                    ))}
                    <td className="py-2.5 pr-5 pl-3 text-right">
                      <Button
                        variant="ghost"
                        className="h-8 px-3 text-xs"
                        aria-expanded={editing === member.id}
                        aria-label={`Edit limits of ${member.email}`}
                        onClick={() => setEditing(editing === member.id ? null : member.id)}
                      >
                        {editing === member.id ? "Close" : "Edit limits"}
                      </Button>
                    </td>
                  </tr>
                  {editing === member.id && (
                    <tr className="bg-surface-muted/50">
                      <td colSpan={LIMIT_WINDOWS.length + 2} className="px-5 py-4">
                        <MemberLimitsForm organizationSlug={organizationSlug} member={member} onDone={() => setEditing(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
