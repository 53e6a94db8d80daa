"use client";
// The Connect tab: choose route, model, project and key; copy a snippet that
// works as is; watch for the key's first request; open the same setup in the
// Playground.
import Link from "next/link";
import { useState } from "react";
import { useOrganization } from "@/components/organization-context";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/query-states";
import { SelectField } from "@/components/ui/select-field";
import { routeOptionLabel } from "@/lib/connect/route-labels";
import { recallSecret } from "@/lib/dashboard/session-secrets";
import { currentOrigin, shownBaseUrl } from "@/lib/dashboard/shown-base-url";
import { CreateKeyDialog } from "../keys/create-key-dialog";
import { useKeySecret } from "../keys/use-key-secret";
import { useKeys, useProjects, useRevealKey } from "../keys/use-keys";
import { NO_PICKS, resolveConnectChoice, type ConnectPicks, type ConnectQuery } from "./connect-selection";
import { CodingAgentsPanel } from "./coding-agents-panel";
import { KeyLine } from "./key-line";
import { ModelField } from "./model-field";
import { SnippetPanel } from "./snippet-panel";
import { useGatewayInfo, useRoutes } from "./use-connect-data";

export function keyOptionLabel(key: { name: string; prefix: string; kind: string; ownerEmail: string | null }, isAdmin: boolean): string {
  const owner = isAdmin && key.kind === "personal" ? ` · personal${key.ownerEmail ? `, ${key.ownerEmail}` : ""}` : "";
  return `${key.name} (${key.prefix}…)${owner}`;
}

export function ConnectPageClient({ query }: { query: ConnectQuery }) {
  const { slug, role } = useOrganization();
  const isAdmin = role === "admin";
  const routes = useRoutes();
  const projects = useProjects();
  const keys = useKeys();
  const gateway = useGatewayInfo();
  const reveal = useRevealKey();
  const [picks, setPicks] = useState<ConnectPicks>(NO_PICKS);
  const [creating, setCreating] = useState(false);

  const queries = [routes, projects, keys, gateway];
  const failed = queries.find((candidate) => candidate.isError);
  const ready = routes.data && projects.data && keys.data && gateway.data;
  const choice = ready ? resolveConnectChoice({ routes: routes.data, projects: projects.data, keys: keys.data }, picks, query, (id) => recallSecret(id) !== null) : null;
  const secret = useKeySecret(choice?.key?.id);
  const pick = (changes: Partial<ConnectPicks>) => setPicks((current) => ({ ...current, ...changes }));

  if (failed?.error) return <ErrorState error={failed.error} onRetry={() => queries.forEach((candidate) => candidate.isError && candidate.refetch())} />;
  if (!ready || !choice) return <LoadingRows rows={4} label="Loading Connect" />;
  if (!choice.route) {
    return (
      <EmptyState
        title="Nothing to connect to yet"
        action={
          isAdmin ? (
            <Link href={`/${slug}/gateway/providers`} className="inline-flex h-9 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground shadow-sm hover:bg-primary-hover">
              Go to Providers
            </Link>
          ) : undefined
        }
      >
        {isAdmin ? "Activate a built-in provider or add your own; its slug becomes the route applications call." : "No provider is set up in this organization. Ask an admin to add one."}
      </EmptyState>
    );
  }

  const playgroundHref = `/${slug}/gateway/playground?${new URLSearchParams({
    route: choice.route.slug,
    model: choice.model,
    ...(choice.key ? { key: choice.key.id } : {}),
  })}`;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="connect-setup-heading" className="rounded-xl border border-border bg-surface shadow-sm">
        <div className="border-b border-border px-5 py-4">
          <h2 id="connect-setup-heading" className="text-base font-semibold tracking-tight">
            Connect an application
          </h2>
          <p className="mt-0.5 text-sm text-muted">Point an SDK you already use at the gateway: choose what to call and with which key, then copy a snippet.</p>
        </div>
        <div className="flex flex-col gap-4 p-5">
          <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
            <SelectField
              label="Provider or routing group"
              value={choice.route.slug}
              options={routes.data.map((route) => ({ value: route.slug, label: routeOptionLabel(route) }))}
              onChange={(event) => pick({ route: event.target.value, model: null })}
            />
            <ModelField route={choice.route} value={choice.model} onChange={(model) => pick({ model })} />
            <SelectField
              label="Project"
              value={choice.project ?? ""}
              options={projects.data.map((project) => ({ value: project.slug, label: project.name }))}
              onChange={(event) => pick({ project: event.target.value, key: null })}
            />
            <SelectField
              label="Key"
              value={choice.key?.id ?? ""}
              disabled={choice.keys.length === 0}
              options={choice.keys.length ? choice.keys.map((key) => ({ value: key.id, label: keyOptionLabel(key, isAdmin) })) : [{ value: "", label: "No active keys" }]}
              onChange={(event) => pick({ project: choice.project, key: event.target.value })}
            />
          </div>
          <KeyLine
            apiKey={choice.key}
            secretKnown={secret !== null}
            revealing={reveal.isPending}
            onReveal={() => choice.key && reveal.mutate(choice.key.id)}
            onCreate={() => setCreating(true)}
          />
        </div>
      </section>

      <SnippetPanel
        baseUrl={shownBaseUrl(gateway.data, currentOrigin())}
        route={choice.route}
        model={choice.model}
        secret={secret}
        keyId={choice.key?.id ?? null}
        playgroundHref={playgroundHref}
      />

      <CodingAgentsPanel
        baseUrl={shownBaseUrl(gateway.data, currentOrigin())}
        route={choice.route}
        model={choice.model}
        apiKey={choice.key}
        secret={secret}
        revealSecret={(keyId) => reveal.mutateAsync(keyId)}
      />

      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        defaultKind={isAdmin ? "project" : "personal"}
        defaultProject={choice.project ?? undefined}
        onCreated={(key) => pick({ project: key.project, key: key.id })}
      />
    </div>
  );
}
