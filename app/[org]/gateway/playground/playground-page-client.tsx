"use client";
// The Playground: chat with any route and model through the proxy, with a
// real key — so every turn is limited, metered and logged like an app's.
import Link from "next/link";
import { useState } from "react";
import { useOrganization } from "@/components/organization-context";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/query-states";
import { ANTHROPIC_DEFAULT_MAX_TOKENS } from "@/lib/connect/chat-request";
import { defaultModel, defaultRoute } from "@/lib/connect/route-labels";
import { WIRE_FAMILY_LABELS, wireFamilyOfRoute, wireFamilyOfType } from "@/lib/connect/wire-family";
import { recallSecret } from "@/lib/dashboard/session-secrets";
import type { ConnectQuery } from "../connect/connect-selection";
import { useRoutes } from "../connect/use-connect-data";
import { useKeySecret } from "../keys/use-key-secret";
import { useKeys, useRevealKey } from "../keys/use-keys";
import { ChatTranscript } from "./chat-transcript";
import { Composer } from "./composer";
import { choosePlaygroundKey, parseMaxTokens, parseTemperature } from "./playground-selection";
import { PlaygroundSettings, type PlaygroundFields } from "./playground-settings";
import { useChat } from "./use-chat";

export function PlaygroundPageClient({ query }: { query: ConnectQuery }) {
  const { slug, role } = useOrganization();
  const routes = useRoutes();
  const keys = useKeys();
  const reveal = useRevealKey();
  const chat = useChat();
  const [picks, setPicks] = useState<{ route: string | null; model: string | null; key: string | null }>({ route: null, model: null, key: null });
  const [fields, setFields] = useState<PlaygroundFields>({ system: "", temperature: "", maxTokens: "" });

  const routeList = routes.data ?? [];
  const route = routeList.find((candidate) => candidate.slug === (picks.route ?? query.route)) ?? defaultRoute(routeList);
  const model = picks.model ?? (picks.route === null && query.model && route?.slug === query.route ? query.model : defaultModel(route?.models ?? []));
  const apiKey = keys.data ? choosePlaygroundKey(keys.data, picks.key, query.key, (id) => recallSecret(id) !== null) : null;
  const secret = useKeySecret(apiKey?.id);

  const failed = routes.error ?? keys.error;
  if (failed) return <ErrorState error={failed} onRetry={() => void Promise.all([routes.refetch(), keys.refetch()])} />;
  if (!routes.data || !keys.data) return <LoadingRows rows={4} label="Loading the Playground" />;

  const family = route ? (wireFamilyOfRoute(route.providerTypes) ?? wireFamilyOfType(route.providerTypes[0] ?? "openai")) : "openai";
  const temperature = parseTemperature(fields.temperature);
  const maxTokens = parseMaxTokens(fields.maxTokens);
  const errors = { temperature: "error" in temperature ? temperature.error : undefined, maxTokens: "error" in maxTokens ? maxTokens.error : undefined };
  const blocked = !route
    ? "Add a provider first"
    : !model.trim()
      ? "Choose a model first"
      : !apiKey
        ? "Create a key first"
        : !secret
          ? "Reveal the key to chat with it"
          : errors.temperature || errors.maxTokens
            ? "Fix the settings first"
            : null;

  const send = (message: string) => {
    if (!route || !apiKey || !secret || "error" in temperature || "error" in maxTokens) return;
    void chat.send(message, {
      family,
      keyId: apiKey.id,
      settings: {
        route: route.slug,
        model: model.trim(),
        apiKey: secret,
        providerType: route.type,
        system: fields.system.trim(),
        temperature: temperature.value,
        maxTokens: maxTokens.value,
      },
    });
  };

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_19rem]">
      <section aria-labelledby="playground-heading" className="flex h-[calc(100dvh-15rem)] min-h-[30rem] flex-col overflow-hidden rounded-xl border border-border bg-surface shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-border px-5 py-3">
          <div className="min-w-0">
            <h2 id="playground-heading" className="text-base font-semibold tracking-tight">
              Playground
            </h2>
            <p className="truncate text-xs text-muted">
              {route ? (
                <>
                  <span className="font-mono">/proxy/{route.slug}</span> · {WIRE_FAMILY_LABELS[family]}
                  {family === "bedrock" && " · answers arrive whole (Converse)"}
                </>
              ) : (
                "No route to call yet"
              )}
            </p>
          </div>
          <Button variant="secondary" className="h-8 px-3" onClick={chat.clear} disabled={chat.turns.length === 0}>
            Clear conversation
          </Button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">
          {chat.turns.length === 0 ? (
            <div className="flex h-full items-center justify-center p-6">
              <EmptyConversation hasRoute={route !== null} isAdmin={role === "admin"} organizationSlug={slug} />
            </div>
          ) : (
            <ChatTranscript turns={chat.turns} />
          )}
        </div>
        <Composer onSend={send} onStop={chat.stop} streaming={chat.streaming} blocked={blocked} />
      </section>

      <PlaygroundSettings
        routes={routeList}
        route={route}
        model={model}
        keys={keys.data}
        apiKey={apiKey}
        isAdmin={role === "admin"}
        secretKnown={secret !== null}
        revealing={reveal.isPending}
        fields={fields}
        errors={errors}
        maxTokensPlaceholder={family === "anthropic" ? String(ANTHROPIC_DEFAULT_MAX_TOKENS) : "Default"}
        onRoute={(slugOfRoute) => setPicks((current) => ({ ...current, route: slugOfRoute, model: null }))}
        onModel={(value) => setPicks((current) => ({ ...current, model: value }))}
        onKey={(id) => setPicks((current) => ({ ...current, key: id }))}
        onReveal={() => apiKey && reveal.mutate(apiKey.id)}
        onFields={(changes) => setFields((current) => ({ ...current, ...changes }))}
      />
    </div>
  );
}

function EmptyConversation({ hasRoute, isAdmin, organizationSlug }: { hasRoute: boolean; isAdmin: boolean; organizationSlug: string }) {
  if (!hasRoute) {
    return (
      <EmptyState
        title="Nothing to chat with yet"
        action={
          isAdmin ? (
            <Link href={`/${organizationSlug}/gateway/providers`} className="text-sm font-medium text-primary hover:underline">
              Set up a provider
            </Link>
          ) : undefined
        }
      >
        {isAdmin ? "Activate a built-in provider or add your own first." : "Ask an admin to set up a provider."}
      </EmptyState>
    );
  }
  return (
    <div className="max-w-sm text-center">
      <p className="text-sm font-semibold">Try a model</p>
      <p className="mt-1 text-sm text-muted">
        Messages go through the gateway like any application&apos;s: with the chosen key, within its limits, and logged with tokens and cost.
      </p>
    </div>
  );
}
