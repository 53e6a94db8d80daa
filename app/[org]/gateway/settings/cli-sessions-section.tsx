"use client";
// Settings › CLI sessions: every `gateway login` still able to refresh its
// access tokens (admins see the organization's, members their own, e.g. on
// /device). Revoking one stops its access tokens within a second and refuses
// its next refresh.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/query-states";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { CliSessionResponse } from "@/lib/cli-sessions/schemas";
import { formatDate } from "./format-date";

const sessionsKey = (organization: string) => ["cli-sessions", organization] as const;

/** `refetchIntervalMs`: keep the list current, e.g. on /device while an approved CLI is still collecting its tokens. */
export function CliSessionsSection({ refetchIntervalMs }: { refetchIntervalMs?: number }) {
  const { slug, role } = useOrganization();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: sessionsKey(slug),
    queryFn: ({ signal }) => apiFetch<CliSessionResponse[]>(slug, "cli/sessions", { signal }),
    refetchInterval: refetchIntervalMs,
  });
  const [revoking, setRevoking] = useState<CliSessionResponse | null>(null);
  const revoke = useMutation({
    mutationFn: (session: CliSessionResponse) => apiFetch<CliSessionResponse>(slug, `cli/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" }),
    onSuccess: (session) => {
      toast.success(`CLI session ${session.clientName} revoked`);
      setRevoking(null);
      return queryClient.invalidateQueries({ queryKey: sessionsKey(slug) });
    },
    onError: (error) => toast.error(error.message),
  });

  return (
    <Panel
      id="cli-sessions"
      title="CLI sessions"
      description={
        <>
          Signed-in <code className="text-xs">gateway</code> CLIs ({role === "admin" ? "every member's" : "yours"}). They call the proxy with short-lived
          tokens as their member.
        </>
      }
    >
      {sessions.isPending ? (
        <LoadingRows rows={2} label="Loading CLI sessions" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <EmptyState title="No CLI sessions">
          Run <code className="text-xs">npx gateway login</code> to sign a CLI in.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-border text-left text-xs text-muted">
                <th className="pb-2 font-medium">Client</th>
                <th className="pb-2 font-medium">Member</th>
                <th className="pb-2 font-medium">Signed in</th>
                <th className="pb-2 font-medium">Last refresh</th>
                <th className="pb-2" aria-label="Actions" />
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {sessions.data.map((session) => (
                <tr key={session.id}>
                  <td className="py-2.5 pr-3 font-medium">{session.clientName}</td>
                  <td className="py-2.5 pr-3">{session.memberEmail}</td>
                  <td className="py-2.5 pr-3">{formatDate(session.createdAt)}</td>
                  <td className="py-2.5 pr-3">{session.lastRefreshedAt ? formatDate(session.lastRefreshedAt) : "Never"}</td>
                  <td className="py-2.5 text-right">
                    <Button variant="ghost" className="text-danger hover:text-danger" aria-label={`Revoke ${session.clientName}`} onClick={() => setRevoking(session)}>
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke ${revoking?.clientName ?? "CLI session"}?`}
        confirmLabel="Revoke session"
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        That CLI loses access to the gateway within a second and must sign in again with <code className="text-xs">gateway login</code>.
      </ConfirmDialog>
    </Panel>
  );
}
