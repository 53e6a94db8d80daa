"use client";
// The members of a group being edited: provider, priority, weight, and the
// live share of first attempts each would get.
import { Button } from "@/components/ui/button";
import { firstAttemptShares } from "@/lib/routing/first-attempt-share";
import type { ProviderResponse } from "@/lib/providers/schemas";
import { memberNumbers, type GroupFormErrors, type MemberRow } from "./group-form-model";
import { ShareBar } from "./share-bar";

interface MemberEditorProps {
  members: MemberRow[];
  onChange: (members: MemberRow[]) => void;
  providers: ProviderResponse[];
  errors: GroupFormErrors;
}

const controlClass =
  "h-9 w-full rounded-md border border-border-strong bg-surface px-2.5 text-sm shadow-sm outline-none focus:border-primary focus:ring-2 focus:ring-ring/30 aria-invalid:border-danger";

export function MemberEditor({ members, onChange, providers, errors }: MemberEditorProps) {
  const shares = firstAttemptShares(memberNumbers(members));
  const update = (index: number, changes: Partial<MemberRow>) => onChange(members.map((row, position) => (position === index ? { ...row, ...changes } : row)));
  const messages = members.flatMap((_, index) =>
    (["provider", "priority", "weight"] as const).flatMap((field) => {
      const message = errors[`members.${index}.${field}`];
      return message ? [`Member ${index + 1}: ${message}`] : [];
    }),
  );
  const unused = providers.find((provider) => !members.some((member) => member.provider === provider.slug));

  return (
    <div className="flex flex-col gap-2">
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-muted">
            <th className="pb-1.5 font-medium">Provider</th>
            <th className="w-24 pb-1.5 pl-2 font-medium">Priority</th>
            <th className="w-24 pb-1.5 pl-2 font-medium">Weight</th>
            <th className="w-40 pb-1.5 pl-3 font-medium">First attempts</th>
            <th className="w-10 pb-1.5" aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {members.map((member, index) => (
            <tr key={index}>
              <td className="py-1">
                <select
                  aria-label={`Provider of member ${index + 1}`}
                  className={controlClass}
                  value={member.provider}
                  aria-invalid={errors[`members.${index}.provider`] ? true : undefined}
                  onChange={(event) => update(index, { provider: event.target.value })}
                >
                  <option value="">Choose a provider…</option>
                  {providers.map((provider) => (
                    <option key={provider.slug} value={provider.slug}>
                      {provider.name} ({provider.slug}){provider.enabled ? "" : " — disabled"}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-1 pl-2">
                <input
                  aria-label={`Priority of member ${index + 1}`}
                  className={`${controlClass} tabular-nums`}
                  inputMode="numeric"
                  value={member.priority}
                  aria-invalid={errors[`members.${index}.priority`] ? true : undefined}
                  onChange={(event) => update(index, { priority: event.target.value })}
                />
              </td>
              <td className="py-1 pl-2">
                <input
                  aria-label={`Weight of member ${index + 1}`}
                  className={`${controlClass} tabular-nums`}
                  inputMode="decimal"
                  value={member.weight}
                  aria-invalid={errors[`members.${index}.weight`] ? true : undefined}
                  onChange={(event) => update(index, { weight: event.target.value })}
                />
              </td>
              <td className="py-1 pl-3">
                <ShareBar share={shares[index]} label={member.provider || `Member ${index + 1}`} />
              </td>
              <td className="py-1 pl-1 text-right">
                <button
                  type="button"
                  aria-label={`Remove member ${index + 1}`}
                  onClick={() => onChange(members.filter((_, position) => position !== index))}
                  className="rounded-md p-2 text-muted hover:bg-surface-muted hover:text-danger"
                >
                  <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
                    <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
                  </svg>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(messages.length > 0 || errors.members) && (
        <ul role="alert" className="text-xs text-danger">
          {errors.members && <li>{errors.members}</li>}
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <p className="text-xs text-muted">
        Higher priority is tried first; within a priority, weights split the traffic. Weight 0 is a last resort within its priority. The
        next member is tried when one fails before answering (connection error, timeout, 408, 409, 429, 5xx).
      </p>
      <div>
        <Button variant="secondary" onClick={() => onChange([...members, { provider: unused?.slug ?? "", priority: "0", weight: "1" }])}>
          Add member
        </Button>
      </div>
    </div>
  );
}
