"use client";
// Settings › Management tokens: bearer tokens for the management API (CI,
// scripts, Terraform). Shown once at creation, revocable.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/query-states";
import { TextField } from "@/components/ui/text-field";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { formatDate } from "./format-date";
import { useManagementTokens, useRefreshSettings, type ManagementToken } from "./use-settings";

export function ManagementTokensSection() {
  const { slug } = useOrganization();
  const tokens = useManagementTokens();
  const refresh = useRefreshSettings();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ManagementToken | null>(null);
  const revoke = useMutation({
    mutationFn: (token: ManagementToken) => apiFetch<ManagementToken>(slug, `management-tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" }),
    onSuccess: (token) => {
      toast.success(`Token ${token.name} revoked`);
      setRevoking(null);
      return refresh("tokens");
    },
    onError: (error) => toast.error(error.message),
  });
  const createButton = <Button onClick={() => setCreating(true)}>Create token</Button>;

  return (
    <Panel
      id="management-tokens"
      title="Management tokens"
      description={
        <>
          Admin access to the management API for scripts and CI: <code className="text-xs">Authorization: Bearer &lt;token&gt;</code>.
        </>
      }
      actions={createButton}
    >
      {tokens.isPending ? (
        <LoadingRows rows={2} label="Loading management tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No management tokens">Create one to automate the gateway&apos;s configuration.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-border text-left text-xs text-muted">
                <th className="pb-2 font-medium">Name</th>
                <th className="pb-2 font-medium">Token</th>
                <th className="pb-2 font-medium">Created</th>
                <th className="pb-2 font-medium">Last used</th>
                <th className="pb-2 font-medium">Expires</th>
                <th className="pb-2" aria-label="Actions" />
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {tokens.data.map((token) => (
                <tr key={token.id} className={token.revokedAt ? "text-muted" : undefined}>
                  <td className="py-2.5 pr-3 font-medium">{token.name}</td>
                  <td className="py-2.5 pr-3 font-mono text-xs">{token.prefix}…</td>
                  <td className="py-2.5 pr-3">{formatDate(token.createdAt)}</td>
                  <td className="py-2.5 pr-3">{token.lastUsedAt ? formatDate(token.lastUsedAt) : "Never"}</td>
                  <td className="py-2.5 pr-3">{token.expiresAt ? formatDate(token.expiresAt) : "Never"}</td>
                  <td className="py-2.5 text-right">
                    {token.revokedAt ? (
                      <Badge tone="danger">Revoked</Badge>
                    ) : (
                      <Button variant="ghost" className="text-danger hover:text-danger" aria-label={`Revoke ${token.name}`} onClick={() => setRevoking(token)}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke ${revoking?.name ?? "token"}?`}
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        Anything using this token loses access to the management API at once. This cannot be undone.
      </ConfirmDialog>
    </Panel>
  );
}

function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Create management token" size="sm">
      <CreateTokenForm onClose={onClose} />
    </Dialog>
  );
}

function CreateTokenForm({ onClose }: { onClose: () => void }) {
  const { slug } = useOrganization();
  const refresh = useRefreshSettings();
  const [name, setName] = useState("");
  const [expires, setExpires] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      apiFetch<ManagementToken & { secret: string }>(slug, "management-tokens", {
        body: { name: name.trim(), ...(expires ? { expiresAt: new Date(`${expires}T23:59:59Z`).toISOString() } : {}) },
      }),
    onSuccess: (token) => {
      toast.success(`Token ${token.name} created`);
      return refresh("tokens");
    },
    onError: (failure) => setError(failure.message),
  });

  if (create.data) {
    return (
      <div className="flex flex-col gap-4">
        <OneTimeSecret label="Management token" value={create.data.secret} />
        <DialogActions>
          <Button onClick={onClose}>Done</Button>
        </DialogActions>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError("Enter a name");
    setError(null);
    create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. CI deploys" autoComplete="off" />
      <TextField
        label="Expires"
        type="date"
        value={expires}
        min={new Date().toISOString().slice(0, 10)}
        onChange={(event) => setExpires(event.target.value)}
        hint="Optional; at the end of that day (UTC)."
      />
      {error && <Alert>{error}</Alert>}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create token
        </Button>
      </DialogActions>
    </form>
  );
}
