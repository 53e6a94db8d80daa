"use client";
// "Invite member": with a password the account works at once; without one,
// the answer is a one-time invitation link to send them.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useOrganization } from "@/components/organization-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ApiRequestError, apiFetch } from "@/lib/dashboard/api-fetch";
import type { MemberResponse } from "@/lib/members/schemas";
import { useRefreshSettings } from "./use-settings";

export function InviteMemberDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Invite member" size="sm" description="Add someone to this organization.">
      <InviteForm onClose={onClose} />
    </Dialog>
  );
}

function InviteForm({ onClose }: { onClose: () => void }) {
  const { slug } = useOrganization();
  const refresh = useRefreshSettings();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<"admin" | "member">("member");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () =>
      apiFetch<MemberResponse>(slug, "members", {
        body: { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}), ...(password ? { password } : {}) },
      }),
    onSuccess: (member) => {
      toast.success(member.inviteUrl ? `Invitation for ${member.email} created` : `${member.email} added`);
      if (!member.inviteUrl) onClose();
      return refresh("members");
    },
    onError: (error) => {
      setFormError(error.message);
      if (error instanceof ApiRequestError && error.issues) {
        setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path.join("."), issue.message])));
      }
    },
  });

  if (invite.data?.inviteUrl) {
    return (
      <div className="flex flex-col gap-4">
        <OneTimeSecret
          label="Invitation link"
          value={invite.data.inviteUrl}
          note={`Send this link to ${invite.data.email}; it works once and is not shown again.`}
        />
        <DialogActions>
          <Button onClick={onClose}>Done</Button>
        </DialogActions>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) next.email = "Enter an email address";
    if (password && password.length < 8) next.password = "At least 8 characters";
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length === 0) invite.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} error={errors.email} autoComplete="off" />
      <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} hint="Optional" error={errors.name} autoComplete="off" />
      <SelectField
        label="Role"
        value={role}
        onChange={(event) => setRole(event.target.value as "admin" | "member")}
        options={[
          { value: "member", label: "Member — Connect, own personal keys, Playground" },
          { value: "admin", label: "Admin — everything" },
        ]}
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint="Optional. With a password they can sign in at once; without one you get an invitation link to send them."
        error={errors.password}
        autoComplete="new-password"
      />
      {formError && <Alert>{formError}</Alert>}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={invite.isPending}>
          {password ? "Add member" : "Create invitation"}
        </Button>
      </DialogActions>
    </form>
  );
}
