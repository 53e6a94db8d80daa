"use client";
// One routing group: its members in the order they are tried, with each one's
// share of first attempts.
import { Button } from "@/components/ui/button";
import { firstAttemptShares } from "@/lib/routing/first-attempt-share";
import type { RoutingGroupResponse } from "@/lib/routing/schemas";
import { ShareBar } from "./share-bar";

export function GroupCard({ group, onEdit, onDelete }: { group: RoutingGroupResponse; onEdit: () => void; onDelete: () => void }) {
  const shares = firstAttemptShares(group.members);
  const rows = group.members
    .map((member, index) => ({ ...member, share: shares[index] }))
    .sort((left, right) => right.priority - left.priority || right.weight - left.weight);

  return (
    <article aria-label={`Routing group ${group.slug}`} className="rounded-xl border border-border bg-surface shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-border px-5 py-3">
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <h3 className="font-mono text-sm font-semibold">{group.slug}</h3>
            {group.name && <span className="truncate text-sm text-muted">{group.name}</span>}
          </div>
          <p className="mt-0.5 text-xs text-muted">
            Route <code>/proxy/{group.slug}/…</code> · {group.members.length} member{group.members.length === 1 ? "" : "s"}
          </p>
        </div>
        <div className="flex gap-1">
          <Button variant="ghost" onClick={onEdit} aria-label={`Edit ${group.slug}`}>
            Edit
          </Button>
          <Button variant="ghost" onClick={onDelete} aria-label={`Delete ${group.slug}`} className="text-danger hover:text-danger">
            Delete
          </Button>
        </div>
      </header>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-muted">
            <th className="px-5 py-2 font-medium">Provider</th>
            <th className="px-3 py-2 text-right font-medium">Priority</th>
            <th className="px-3 py-2 text-right font-medium">Weight</th>
            <th className="px-5 py-2 font-medium">First attempts</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((member) => (
            <tr key={member.provider}>
              <td className="px-5 py-2 font-mono text-xs">{member.provider}</td>
              <td className="px-3 py-2 text-right tabular-nums">{member.priority}</td>
              <td className="px-3 py-2 text-right tabular-nums">{member.weight}</td>
              <td className="px-5 py-2">
                <ShareBar share={member.share} label={member.provider} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
