"use client";
// Edit a key's name, expiry and limits; an emptied field clears it.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import type { KeyResponse } from "@/lib/keys/schemas";
import { dateFromExpiry, limitTextsOf, parseEditKeyForm, type KeyFormErrors, type LimitWindow } from "./key-form";
import { LimitFields } from "./limit-fields";
import { useUpdateKey } from "./use-keys";

export function EditKeyDialog({ apiKey, onClose }: { apiKey: KeyResponse | null; onClose: () => void }) {
  return (
    <Dialog open={apiKey !== null} onClose={onClose} title={`Edit ${apiKey?.name ?? "key"}`} description="Changes apply to requests within a second.">
      {apiKey && <EditKeyForm key={apiKey.id} apiKey={apiKey} onClose={onClose} />}
    </Dialog>
  );
}

function EditKeyForm({ apiKey, onClose }: { apiKey: KeyResponse; onClose: () => void }) {
  const update = useUpdateKey();
  const [name, setName] = useState(apiKey.name);
  const [expires, setExpires] = useState(dateFromExpiry(apiKey.expiresAt));
  const [limits, setLimits] = useState<Record<LimitWindow, string>>(limitTextsOf(apiKey));
  const [errors, setErrors] = useState<KeyFormErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseEditKeyForm({ name, expires, limits }, apiKey);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    update.mutate({ key: apiKey, body: parsed.body }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Name" autoComplete="off" value={name} error={errors.name} onChange={(event) => setName(event.target.value)} />
        <TextField label="Expires" type="date" value={expires} error={errors.expires} hint="Empty: never expires" onChange={(event) => setExpires(event.target.value)} />
      </div>
      <LimitFields values={limits} errors={errors} onChange={(window, value) => setLimits((current) => ({ ...current, [window]: value }))} />
      {update.isError && <Alert>{update.error.message}</Alert>}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={update.isPending}>
          Save changes
        </Button>
      </DialogActions>
    </form>
  );
}
