"use client";
// "Create group" and "Edit group": slug, name and members, with the preview.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import type { ProviderResponse } from "@/lib/providers/schemas";
import type { RoutingGroupResponse } from "@/lib/routing/schemas";
import { buildGroupBody, emptyGroupForm, formFromGroup, type GroupFormErrors, type GroupFormValues } from "./group-form-model";
import { MemberEditor } from "./member-editor";
import { useSaveGroup } from "./use-routing-groups";

export type GroupDialogState = { mode: "create" } | { mode: "edit"; group: RoutingGroupResponse } | null;

export function GroupFormDialog({ state, providers, onClose }: { state: GroupDialogState; providers: ProviderResponse[]; onClose: () => void }) {
  const group = state?.mode === "edit" ? state.group : null;
  return (
    <Dialog
      open={state !== null}
      onClose={onClose}
      size="lg"
      title={group ? `Edit ${group.slug}` : "Create group"}
      description="Clients call a group like a provider: /proxy/<group slug>/…. A group slug wins over a provider slug of the same name."
    >
      <GroupForm key={group?.id ?? "new"} group={group} providers={providers} onDone={onClose} />
    </Dialog>
  );
}

function GroupForm({ group, providers, onDone }: { group: RoutingGroupResponse | null; providers: ProviderResponse[]; onDone: () => void }) {
  const [values, setValues] = useState<GroupFormValues>(() => (group ? formFromGroup(group) : emptyGroupForm(providers[0]?.slug)));
  const [errors, setErrors] = useState<GroupFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveGroup();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildGroupBody(values, (slug) => providers.find((provider) => provider.slug === slug)?.type);
    if (!built.ok) {
      setErrors(built.errors);
      setFormError("Check the highlighted fields.");
      return;
    }
    setErrors({});
    setFormError(null);
    save.mutate({ existing: group?.slug ?? null, body: built.body }, { onSuccess: onDone, onError: (error) => setFormError(error.message) });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Slug"
          value={values.slug}
          disabled={group !== null}
          onChange={(event) => setValues({ ...values, slug: event.target.value })}
          placeholder="fast-chat"
          hint={group ? "The route segment; it cannot change." : "The route: /proxy/<slug>/…"}
          error={errors.slug}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField label="Name" value={values.name} onChange={(event) => setValues({ ...values, name: event.target.value })} placeholder="Optional" />
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">Members</legend>
        {providers.length === 0 ? (
          <Alert tone="warning">Add or activate a provider on the Providers tab first.</Alert>
        ) : (
          <MemberEditor members={values.members} onChange={(members) => setValues({ ...values, members })} providers={providers} errors={errors} />
        )}
      </fieldset>
      {formError && <Alert>{formError}</Alert>}
      <DialogActions>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" pending={save.isPending} disabled={providers.length === 0}>
          {group ? "Save changes" : "Create group"}
        </Button>
      </DialogActions>
    </form>
  );
}
