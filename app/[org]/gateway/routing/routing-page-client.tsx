"use client";
// The Routing tab: routing groups with their members and first-attempt shares.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/query-states";
import { GroupCard } from "./group-card";
import { GroupFormDialog, type GroupDialogState } from "./group-form-dialog";
import { useDeleteGroup, useMemberCandidates, useRoutingGroups } from "./use-routing-groups";

export function RoutingPageClient() {
  const groups = useRoutingGroups();
  const providers = useMemberCandidates();
  const remove = useDeleteGroup();
  const [dialog, setDialog] = useState<GroupDialogState>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const createButton = (
    <Button onClick={() => setDialog({ mode: "create" })} disabled={providers.isPending}>
      Create group
    </Button>
  );

  let content: React.ReactNode;
  if (groups.isPending) content = <LoadingRows rows={2} label="Loading routing groups" />;
  else if (groups.isError) content = <ErrorState error={groups.error} onRetry={() => groups.refetch()} />;
  else if (groups.data.length === 0) {
    content = (
      <EmptyState title="No routing groups yet" action={createButton}>
        A group spreads requests over several providers by priority and weight, and fails over to the next one when a provider errors.
      </EmptyState>
    );
  } else {
    content = (
      <div className="flex flex-col gap-4">
        {groups.data.map((group) => (
          <GroupCard key={group.id} group={group} onEdit={() => setDialog({ mode: "edit", group })} onDelete={() => setDeleting(group.slug)} />
        ))}
      </div>
    );
  }

  return (
    <>
      <Panel
        id="routing-groups"
        title="Routing groups"
        description="Load balancing and failover across providers. The preview shows each member's share of first attempts."
        actions={groups.data?.length ? createButton : undefined}
      >
        {content}
      </Panel>
      <GroupFormDialog state={dialog} providers={providers.data ?? []} onClose={() => setDialog(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete ${deleting ?? "group"}?`}
        confirmLabel="Delete group"
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting, { onSuccess: () => setDeleting(null) })}
      >
        Requests to <code className="text-xs">/proxy/{deleting}/…</code> will go to a provider of that slug if there is one, and fail with{" "}
        <code className="text-xs">route_not_found</code> otherwise.
      </ConfirmDialog>
    </>
  );
}
