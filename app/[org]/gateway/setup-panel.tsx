"use client";
// First visit of an admin while the gateway is off: choose how to turn it on.
// Recommended setup ends on its result — the Quick Start key, shown once —
// with "Open Connect" to send a first request with it.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { rememberSecret } from "@/lib/dashboard/session-secrets";
import type { GatewaySetupResult } from "@/lib/setup/operations";
import { SetupResult } from "./setup-result";

type SetupMode = "recommended" | "manual";
const DEFAULT_PROJECT = "default";

export function SetupPanel({ organizationSlug }: { organizationSlug: string }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [project, setProject] = useState(DEFAULT_PROJECT);
  const projects = useQuery({
    queryKey: ["projects", organizationSlug],
    queryFn: ({ signal }) => apiFetch<{ slug: string; name: string }[]>(organizationSlug, "projects", { signal }),
  });
  const setup = useMutation({
    mutationFn: (mode: SetupMode) =>
      apiFetch<GatewaySetupResult>(organizationSlug, "gateway/setup", {
        // The default project may not exist yet: omitting it lets the server create it.
        body: mode === "recommended" && project !== DEFAULT_PROJECT ? { mode, project } : { mode },
      }),
    onSuccess: (result, mode) => {
      toast.success("The gateway is on");
      if (result.key) rememberSecret(result.key.id, result.key.secret);
      // Recommended setup stays on its result (the key is shown once); manual goes straight to the tabs.
      // The layout reads the setting on the server; re-rendering it swaps this panel for the tabs.
      if (mode === "manual") startRefresh(() => router.refresh());
    },
    onError: (error) => toast.error(error.message),
  });
  const busy = setup.isPending || refreshing;

  if (setup.data && setup.variables === "recommended") {
    return <SetupResult result={setup.data} project={project} onContinue={() => startRefresh(() => router.refresh())} continuing={refreshing} />;
  }

  const projectOptions = [
    { value: DEFAULT_PROJECT, label: "Default" },
    ...(projects.data ?? []).filter((item) => item.slug !== DEFAULT_PROJECT).map((item) => ({ value: item.slug, label: item.name })),
  ];

  return (
    <section aria-labelledby="setup-heading" className="rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
      <h2 id="setup-heading" className="text-lg font-semibold tracking-tight">
        Turn on the gateway
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-muted">
        Point your applications&apos; SDKs at one endpoint and manage keys, spending limits, routing and tracing here. Until
        the gateway is on, requests through it are refused.
      </p>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <SetupOption
          title="Recommended"
          description="Activates the built-in providers, turns on tracing for a project and creates a Quick Start key for it. Built-in providers are paid from the organization's prepaid balance: add credits (Spending) before the first request through them."
        >
          <div className="flex flex-wrap items-end gap-3">
            {projectOptions.length > 1 && (
              <SelectField label="Project" options={projectOptions} value={project} onChange={(event) => setProject(event.target.value)} disabled={busy} />
            )}
            <Button onClick={() => setup.mutate("recommended")} pending={busy && setup.variables === "recommended"} disabled={busy}>
              Enable recommended setup
            </Button>
          </div>
        </SetupOption>
        <SetupOption title="Manual" description="Only turns the gateway on. You add providers, routing and keys yourself.">
          <Button variant="secondary" onClick={() => setup.mutate("manual")} pending={busy && setup.variables === "manual"} disabled={busy}>
            Manual setup
          </Button>
        </SetupOption>
      </div>
    </section>
  );
}

function SetupOption({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <div className="flex flex-col justify-between gap-4 rounded-lg border border-border bg-background p-5">
      <div>
        <h3 className="text-sm font-semibold">{title}</h3>
        <p className="mt-1 text-sm text-muted">{description}</p>
      </div>
      <div>{children}</div>
    </div>
  );
}
