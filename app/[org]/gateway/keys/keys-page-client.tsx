"use client";
// The API Keys tab: project and personal keys (members: only their own
// personal keys), created, revealed, edited, disabled and revoked here.
import Link from "next/link";
import { useState } from "react";
import { useOrganization } from "@/components/organization-context";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/query-states";
import { Switch } from "@/components/ui/switch";
import type { KeyResponse } from "@/lib/keys/schemas";
import { CreateKeyDialog } from "./create-key-dialog";
import { EditKeyDialog } from "./edit-key-dialog";
import { KeyRow } from "./key-row";
import { KindTabs, type KeyKind } from "./kind-tabs";
import { RevealKeyDialog } from "./reveal-key-dialog";
import { forgetKeySecret } from "./use-key-secret";
import { useKeyHolds, useKeys, useRevokeKey, useUpdateKey } from "./use-keys";

const EMPTY_TEXT: Record<KeyKind, { title: string; text: string }> = {
  project: { title: "No project keys yet", text: "Project keys belong to an application rather than a person. Create one per service so you can limit and revoke them separately." },
  personal: { title: "No personal keys yet", text: "Personal keys are for your own scripts and tools; their usage counts against your member limits." },
};

export function KeysPageClient() {
  const { role, slug } = useOrganization();
  const isAdmin = role === "admin";
  const [kind, setKind] = useState<KeyKind>(isAdmin ? "project" : "personal");
  const [showRevoked, setShowRevoked] = useState(false);
  const keys = useKeys({ includeRevoked: showRevoked });
  const holds = useKeyHolds();
  const update = useUpdateKey();
  const revoke = useRevokeKey();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<KeyResponse | null>(null);
  const [revealing, setRevealing] = useState<KeyResponse | null>(null);
  const [revoking, setRevoking] = useState<KeyResponse | null>(null);

  const all = keys.data ?? [];
  const counts = { project: all.filter((key) => key.kind === "project" && !key.revoked).length, personal: all.filter((key) => key.kind === "personal" && !key.revoked).length };
  const visible = all.filter((key) => key.kind === kind);
  const createButton = <Button onClick={() => setCreating(true)}>Create key</Button>;

  let list;
  if (keys.isPending) list = <div className="p-5"><LoadingRows rows={3} label="Loading keys" /></div>;
  else if (keys.isError) list = <div className="p-5"><ErrorState error={keys.error} onRetry={() => keys.refetch()} /></div>;
  else if (visible.length === 0) list = <div className="p-5"><EmptyState title={EMPTY_TEXT[kind].title} action={createButton}>{EMPTY_TEXT[kind].text}</EmptyState></div>;
  else {
    list = (
      <ul className="divide-y divide-border" aria-label={kind === "project" ? "Project keys" : "Personal keys"}>
        {visible.map((key) => (
          <KeyRow
            key={key.id}
            apiKey={key}
            holds={holds.data?.get(key.id) ?? null}
            showOwner={isAdmin}
            onReveal={() => setRevealing(key)}
            onEdit={() => setEditing(key)}
            onToggle={() => update.mutate({ key, body: { disabled: !key.disabled } })}
            toggling={update.isPending && update.variables?.key.id === key.id && update.variables.body.disabled !== undefined}
            onRevoke={() => setRevoking(key)}
          />
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby="keys-heading" className="rounded-xl border border-border bg-surface shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3 px-5 pt-4">
        <div className="min-w-0">
          <h2 id="keys-heading" className="text-base font-semibold tracking-tight">
            API keys
          </h2>
          <p className="mt-0.5 max-w-2xl text-sm text-muted">
            {isAdmin
              ? "Gateway keys your applications and members call the proxy with. Each has its own limits and can be disabled or revoked at any time."
              : "Your personal gateway keys. Their usage counts against your member limits."}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <Link
            href={`/${slug}/gateway/overview/requests`}
            className="inline-flex h-9 items-center rounded-md border border-border-strong bg-surface px-4 text-sm font-medium shadow-sm hover:bg-surface-muted"
          >
            {isAdmin ? "Requests" : "Your requests"}
          </Link>
          {createButton}
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-end justify-between gap-3 border-b border-border px-5">
        {isAdmin ? <KindTabs value={kind} onChange={setKind} counts={counts} loading={keys.isPending} /> : <div />}
        <div className="pb-2">
          <Switch checked={showRevoked} onChange={setShowRevoked} label="Show revoked" />
        </div>
      </div>
      <div id="keys-panel" role={isAdmin ? "tabpanel" : undefined} aria-labelledby={isAdmin ? `keys-tab-${kind}` : undefined}>
        {list}
      </div>

      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        defaultKind={kind}
        onCreated={(key) => {
          if (isAdmin) setKind(key.kind);
        }}
      />
      <EditKeyDialog apiKey={editing} onClose={() => setEditing(null)} />
      <RevealKeyDialog apiKey={revealing} onClose={() => setRevealing(null)} />
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={`Revoke ${revoking?.name ?? "key"}?`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking, {
            onSuccess: (key) => {
              forgetKeySecret(key.id);
              setRevoking(null);
            },
          })
        }
      >
        Requests with <code className="text-xs">{revoking?.prefix}…</code> are refused with <code className="text-xs">key_revoked</code> within a second. This cannot be
        undone; its usage history is kept.
      </ConfirmDialog>
    </section>
  );
}
