"use client";
// The /device page: the member types (or follows a link with) the code their
// terminal shows, sees which CLI asks, and approves or denies it. Their own
// CLI sessions are listed below, revocable.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { OrganizationProvider, type OrganizationContextValue } from "@/components/organization-context";
import { ProductMark } from "@/components/product-mark";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { CliSessionsSection } from "@/app/[org]/gateway/settings/cli-sessions-section";

interface DeviceRequest {
  userCode: string;
  clientName: string;
  scope: string;
  status: "pending" | "approved" | "denied" | "consumed";
  organization: string;
}

interface Props {
  initialCode: string;
  email: string;
  organizations: OrganizationContextValue[];
}

export function DevicePageClient({ initialCode, email, organizations }: Props) {
  const [organization, setOrganization] = useState(organizations[0]?.slug ?? "");
  const [code, setCode] = useState(initialCode);
  const [formError, setFormError] = useState<string | null>(null);
  const lookup = useMutation({
    mutationFn: () => apiFetch<DeviceRequest>(organization, `cli/device?user_code=${encodeURIComponent(code.trim())}`),
    onError: (error) => setFormError(error.message),
  });
  const decide = useMutation({
    mutationFn: (decision: "approve" | "deny") => apiFetch<{ status: string }>(organization, `cli/device/${decision}`, { body: { user_code: lookup.data!.userCode } }),
  });
  const current = organizations.find((candidate) => candidate.slug === organization);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return setFormError("Enter the code shown in your terminal");
    setFormError(null);
    lookup.mutate();
  };

  return (
    <div className="flex w-full max-w-3xl flex-col items-center gap-8">
      <ProductMark />
      <section aria-labelledby="device-heading" className="w-full max-w-md rounded-xl border border-border bg-surface p-8 shadow-sm">
        <h1 id="device-heading" className="text-lg font-semibold tracking-tight">
          Sign in a CLI
        </h1>
        <p className="mt-1 text-sm text-muted">Signed in as {email}.</p>
        {organizations.length === 0 ? (
          <div className="mt-4">
            <Alert>You are not a member of any organization.</Alert>
          </div>
        ) : decide.data ? (
          <p role="status" className="mt-6 text-sm">
            {decide.data.status === "approved"
              ? `Approved: ${lookup.data?.clientName} is signed in as you. You can return to your terminal.`
              : "Denied: the CLI was not signed in."}
          </p>
        ) : lookup.data ? (
          <div className="mt-6 flex flex-col gap-4">
            <p className="text-sm">
              <strong>{lookup.data.clientName}</strong> asks to use the gateway of <strong>{current?.name ?? organization}</strong> as you
              (scope <code className="text-xs">{lookup.data.scope}</code>) with the code <code className="font-mono">{lookup.data.userCode}</code>.
            </p>
            <p className="text-sm text-muted">Approve only if you just ran <code className="text-xs">gateway login</code> and your terminal shows this code.</p>
            {decide.isError && <Alert>{decide.error.message}</Alert>}
            <div className="flex gap-2">
              <Button onClick={() => decide.mutate("approve")} pending={decide.isPending && decide.variables === "approve"}>
                Approve
              </Button>
              <Button variant="secondary" onClick={() => decide.mutate("deny")} pending={decide.isPending && decide.variables === "deny"}>
                Deny
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} noValidate className="mt-6 flex flex-col gap-4">
            <TextField label="Code" value={code} onChange={(event) => setCode(event.target.value)} placeholder="BCDF-GHJK" autoComplete="off" autoCapitalize="characters" />
            {organizations.length > 1 && (
              <SelectField
                label="Organization"
                value={organization}
                onChange={(event) => setOrganization(event.target.value)}
                options={organizations.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
              />
            )}
            {formError && <Alert>{formError}</Alert>}
            <Button type="submit" pending={lookup.isPending}>
              Continue
            </Button>
          </form>
        )}
      </section>
      {current && (
        <div className="w-full">
          <OrganizationProvider value={current}>
            {/* The session exists once the CLI's next poll collects its tokens: watch for it after approving. */}
            <CliSessionsSection refetchIntervalMs={decide.data?.status === "approved" ? 2000 : undefined} />
          </OrganizationProvider>
        </div>
      )}
    </div>
  );
}
