"use client";
// Settings › Members: who can use this organization's gateway, and as what.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingRows } from "@/components/ui/query-states";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { MemberResponse } from "@/lib/members/schemas";
import { InviteMemberDialog } from "./invite-member-dialog";
import { useMembers, useRefreshSettings } from "./use-settings";

type Role = MemberResponse["role"];

export function MembersSection() {
  const { slug } = useOrganization();
  const members = useMembers();
  const refresh = useRefreshSettings();
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<MemberResponse | null>(null);

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: MemberResponse; role: Role }) =>
      apiFetch<MemberResponse>(slug, `members/${encodeURIComponent(member.id)}`, { method: "PATCH", body: { role } }),
    onSuccess: (member) => {
      toast.success(`${member.email} is now ${member.role === "admin" ? "an admin" : "a member"}`);
      return refresh("members");
    },
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (member: MemberResponse) => apiFetch<void>(slug, `members/${encodeURIComponent(member.id)}`, { method: "DELETE" }),
    onSuccess: (_, member) => {
      toast.success(member.status === "invited" ? `Invitation for ${member.email} cancelled` : `${member.email} removed`);
      setRemoving(null);
      return refresh("members");
    },
    onError: (error) => toast.error(error.message),
  });

  return (
    <Panel
      id="members"
      title="Members"
      description="Admins manage everything. Members see Connect, their own personal API keys and the Playground."
      actions={<Button onClick={() => setInviting(true)}>Invite member</Button>}
    >
      {members.isPending ? (
        <LoadingRows rows={2} label="Loading members" />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <ul className="divide-y divide-border">
          {members.data.map((member) => (
            <li key={member.id} aria-label={member.email} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0">
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium">{member.name ?? member.email}</span>
                  {member.status === "invited" && <Badge tone="warning">Invited</Badge>}
                </div>
                {member.name && <p className="truncate text-xs text-muted">{member.email}</p>}
              </div>
              <label className="sr-only" htmlFor={`role-${member.id}`}>
                Role of {member.email}
              </label>
              <select
                id={`role-${member.id}`}
                value={changeRole.isPending && changeRole.variables.member.id === member.id ? changeRole.variables.role : member.role}
                disabled={member.status === "invited" || changeRole.isPending}
                title={member.status === "invited" ? "The role of a pending invitation is fixed; cancel it and invite again to change it" : undefined}
                onChange={(event) => changeRole.mutate({ member, role: event.target.value as Role })}
                className="h-8 rounded-md border border-border-strong bg-surface px-2 text-sm shadow-sm disabled:opacity-60"
              >
                <option value="admin">Admin</option>
                <option value="member">Member</option>
              </select>
              <Button variant="ghost" className="text-danger hover:text-danger" aria-label={`Remove ${member.email}`} onClick={() => setRemoving(member)}>
                {member.status === "invited" ? "Cancel invitation" : "Remove"}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <InviteMemberDialog open={inviting} onClose={() => setInviting(false)} />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing?.status === "invited" ? `Cancel the invitation for ${removing.email}?` : `Remove ${removing?.email ?? "member"}?`}
        confirmLabel={removing?.status === "invited" ? "Cancel invitation" : "Remove member"}
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        {removing?.status === "invited"
          ? "The invitation link stops working."
          : "They lose access to this organization at once, and their personal API keys are revoked with them."}
      </ConfirmDialog>
    </Panel>
  );
}
