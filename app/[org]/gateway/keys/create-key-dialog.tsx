"use client";
// "Create key": the form, then the new secret — shown in full this once, with
// a copy button, and remembered in this browser session for Connect.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useOrganization } from "@/components/organization-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { EMPTY_LIMITS, parseCreateKeyForm, type KeyFormErrors, type KeyFormValues } from "./key-form";
import { LimitFields } from "./limit-fields";
import { SecretBox } from "./secret-box";
import { useCreateKey, useMembers, useProjects, type CreatedKey } from "./use-keys";

export interface CreateKeyDialogProps {
  open: boolean;
  onClose: () => void;
  defaultKind?: "project" | "personal";
  defaultProject?: string;
  onCreated?: (key: CreatedKey) => void;
}

export function CreateKeyDialog(props: CreateKeyDialogProps) {
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const close = () => {
    setCreated(null);
    props.onClose();
  };
  return (
    <Dialog
      open={props.open}
      onClose={close}
      title={created ? "Your new key" : "Create key"}
      description={created ? undefined : "Applications send it as their API key; the gateway swaps it for the provider's credentials."}
    >
      {created ? (
        <CreatedKeyView created={created} onDone={close} />
      ) : (
        // Remounted on each opening, so the form starts empty.
        props.open && (
          <CreateKeyForm
            {...props}
            onCreated={(key) => {
              setCreated(key);
              props.onCreated?.(key);
            }}
          />
        )
      )}
    </Dialog>
  );
}

function CreateKeyForm({ onClose, defaultKind, defaultProject, onCreated }: CreateKeyDialogProps & { onCreated: (key: CreatedKey) => void }) {
  const { role } = useOrganization();
  const isAdmin = role === "admin";
  const projects = useProjects();
  const members = useMembers(isAdmin);
  const create = useCreateKey();
  const [values, setValues] = useState<KeyFormValues>({
    name: "",
    project: defaultProject ?? "",
    kind: isAdmin ? (defaultKind ?? "project") : "personal",
    owner: "",
    expires: "",
    limits: { ...EMPTY_LIMITS },
  });
  const [errors, setErrors] = useState<KeyFormErrors>({});
  const project = values.project || projects.data?.[0]?.slug || "";
  const set = <Field extends keyof KeyFormValues>(field: Field, value: KeyFormValues[Field]) => setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseCreateKeyForm({ ...values, project });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    create.mutate(parsed.body, { onSuccess: onCreated });
  };

  const projectOptions = (projects.data ?? []).map((item) => ({ value: item.slug, label: item.name.toLowerCase() === item.slug ? item.name : `${item.name} (${item.slug})` }));
  const ownerOptions = [
    { value: "", label: "Yourself" },
    ...(members.data ?? []).filter((member) => member.status === "active").map((member) => ({ value: member.id, label: member.name ? `${member.name} · ${member.email}` : member.email })),
  ];

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Name" autoFocus autoComplete="off" placeholder="e.g. Billing service" value={values.name} error={errors.name} onChange={(event) => set("name", event.target.value)} />
      {isAdmin && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Kind</legend>
          <div className="grid grid-cols-2 gap-2">
            <KindOption checked={values.kind === "project"} onSelect={() => set("kind", "project")} title="Project key" text="For an application; not tied to a person." />
            <KindOption checked={values.kind === "personal"} onSelect={() => set("kind", "personal")} title="Personal key" text="Belongs to a member; counts against their limits." />
          </div>
        </fieldset>
      )}
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label="Project"
          value={project}
          error={errors.project ?? (projects.isError ? projects.error.message : undefined)}
          disabled={projects.isPending}
          options={projects.isPending ? [{ value: "", label: "Loading…" }] : projectOptions}
          onChange={(event) => set("project", event.target.value)}
        />
        <TextField label="Expires" type="date" value={values.expires} error={errors.expires} hint="Empty: never expires" onChange={(event) => set("expires", event.target.value)} />
      </div>
      {isAdmin && values.kind === "personal" && (
        <SelectField label="Owner" value={values.owner} options={ownerOptions} onChange={(event) => set("owner", event.target.value)} hint="Only the owner and admins can reveal it." />
      )}
      <LimitFields values={values.limits} errors={errors} onChange={(window, value) => set("limits", { ...values.limits, [window]: value })} />
      {create.isError && <Alert>{create.error.message}</Alert>}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create key
        </Button>
      </DialogActions>
    </form>
  );
}

function KindOption({ checked, onSelect, title, text }: { checked: boolean; onSelect: () => void; title: string; text: string }) {
  return (
    <label
      className={`flex cursor-pointer gap-2.5 rounded-lg border p-3 text-sm transition-colors ${
        checked ? "border-primary bg-primary/5 ring-1 ring-primary" : "border-border-strong hover:bg-surface-muted"
      }`}
    >
      <input type="radio" name="key-kind" checked={checked} onChange={onSelect} className="mt-0.5 accent-[var(--primary)]" />
      <span>
        <span className="block font-medium">{title}</span>
        <span className="block text-xs text-muted">{text}</span>
      </span>
    </label>
  );
}

function CreatedKeyView({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const { slug } = useOrganization();
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <span className="font-medium">{created.name}</span> is ready. Copy it now: this is the only time it is shown without revealing it again.
      </p>
      <SecretBox secret={created.secret} />
      <p className="text-xs text-muted">Connect and the Playground can use it in this browser tab until you close it.</p>
      <DialogActions>
        <Link
          href={`/${slug}/gateway/connect?key=${encodeURIComponent(created.id)}`}
          className="inline-flex h-9 items-center rounded-md border border-border-strong bg-surface px-4 text-sm font-medium shadow-sm hover:bg-surface-muted"
        >
          Use in Connect
        </Link>
        <Button onClick={onDone}>Done</Button>
      </DialogActions>
    </div>
  );
}
