"use client";
// First visit of an admin while the gateway is off: choose how to turn it on.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { GatewaySetupResult } from "@/lib/setup/operations";

type SetupMode = "recommended" | "manual";

export function SetupPanel({ organizationSlug }: { organizationSlug: string }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const setup = useMutation({
    mutationFn: (mode: SetupMode) => apiFetch<GatewaySetupResult>(organizationSlug, "gateway/setup", { body: { mode } }),
    onSuccess: () => {
      toast.success("The gateway is on");
      // The layout reads the setting on the server; re-rendering it swaps this panel for the tabs.
      startRefresh(() => router.refresh());
    },
    onError: (error) => toast.error(error.message),
  });
  const busy = setup.isPending || refreshing;

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
          description="Activates the built-in providers, turns on tracing for the default project and creates a Quick Start key, so you can send a first request right away."
        >
          <Button onClick={() => setup.mutate("recommended")} pending={busy && setup.variables === "recommended"} disabled={busy}>
            Enable recommended setup
          </Button>
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
