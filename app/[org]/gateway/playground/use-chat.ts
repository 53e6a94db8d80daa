"use client";
// The Playground's conversation: each turn streams from the proxy into state,
// then its cost is looked up in the request log by the gateway's request id
// (streamed answers carry no cost header; the log entry lands within a second).
import { useCallback, useEffect, useRef, useState } from "react";
import { useOrganization } from "@/components/organization-context";
import type { TokenUsage } from "@/lib/connect/chat-events";
import { buildChatRequest, type ChatMessage, type ChatSettings } from "@/lib/connect/chat-request";
import { ChatTurnError, runChatTurn } from "@/lib/connect/chat-turn";
import type { WireFamily } from "@/lib/connect/wire-family";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import type { UsagePage } from "@/lib/usage/schemas";

export interface ChatTurn {
  id: number;
  prompt: string;
  answer: string;
  state: "streaming" | "done" | "stopped" | "failed";
  error: { status: number; code: string | null; message: string } | null;
  streamError: string | null;
  usage: TokenUsage | null;
  requestId: string | null;
  cost: { state: "pending" | "known" | "unavailable"; usd: number | null };
  route: string;
  model: string;
  durationMs: number | null;
}

export interface SendOptions {
  family: WireFamily;
  keyId: string;
  settings: ChatSettings;
}

const COST_LOOKUP_ATTEMPTS = 12;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export function useChat() {
  const { slug } = useOrganization();
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  const controller = useRef<AbortController | null>(null);
  const nextId = useRef(1);
  const mounted = useRef(true);
  // Bumped by "clear conversation": lookups for turns that are gone stop writing.
  const generation = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const update = useCallback((id: number, changes: Partial<ChatTurn> | ((turn: ChatTurn) => Partial<ChatTurn>)) => {
    setTurns((list) => list.map((turn) => (turn.id === id ? { ...turn, ...(typeof changes === "function" ? changes(turn) : changes) } : turn)));
  }, []);

  const lookUpCost = useCallback(
    async (turnId: number, requestId: string, keyId: string) => {
      const started = generation.current;
      for (let attempt = 0; attempt < COST_LOOKUP_ATTEMPTS; attempt++) {
        await sleep(attempt === 0 ? 500 : 1_000);
        if (!mounted.current || generation.current !== started) return;
        try {
          const page = await apiFetch<UsagePage>(slug, `usage?key=${encodeURIComponent(keyId)}&limit=5`);
          const entry = page.items.find((item) => item.id === requestId);
          if (entry) {
            update(turnId, (turn) => ({
              cost: { state: "known", usd: entry.costUsd },
              usage: turn.usage ?? { inputTokens: entry.inputTokens, outputTokens: entry.outputTokens },
            }));
            return;
          }
        } catch {
          // A failed poll is retried; the turn itself already succeeded.
        }
      }
      update(turnId, { cost: { state: "unavailable", usd: null } });
    },
    [slug, update],
  );

  const send = useCallback(
    async (prompt: string, { family, keyId, settings }: SendOptions) => {
      const history: ChatMessage[] = turns
        .filter((turn) => turn.state === "done" && turn.answer)
        .flatMap((turn) => [
          { role: "user" as const, content: turn.prompt },
          { role: "assistant" as const, content: turn.answer },
        ]);
      const request = buildChatRequest(family, settings, [...history, { role: "user", content: prompt }]);
      const id = nextId.current++;
      const abort = new AbortController();
      controller.current = abort;
      const startedAt = performance.now();
      let requestId: string | null = null;
      setTurns((list) => [
        ...list,
        {
          id,
          prompt,
          answer: "",
          state: "streaming",
          error: null,
          streamError: null,
          usage: null,
          requestId: null,
          cost: { state: "pending", usd: null },
          route: settings.route,
          model: settings.model,
          durationMs: null,
        },
      ]);
      try {
        const result = await runChatTurn(request, family, {
          signal: abort.signal,
          onResponse: (received) => {
            requestId = received;
            update(id, { requestId: received });
          },
          onText: (delta) => update(id, (turn) => ({ answer: turn.answer + delta })),
        });
        const known = result.costUsd !== null;
        update(id, {
          state: "done",
          usage: result.usage,
          requestId: result.requestId,
          streamError: result.streamError,
          durationMs: performance.now() - startedAt,
          cost: known ? { state: "known", usd: result.costUsd } : { state: result.requestId ? "pending" : "unavailable", usd: null },
        });
        if (!known && result.requestId) void lookUpCost(id, result.requestId, keyId);
      } catch (error) {
        const durationMs = performance.now() - startedAt;
        if (error instanceof DOMException && error.name === "AbortError") {
          update(id, { state: "stopped", durationMs, cost: { state: requestId ? "pending" : "unavailable", usd: null } });
          if (requestId) void lookUpCost(id, requestId, keyId);
          return;
        }
        const failure =
          error instanceof ChatTurnError
            ? { status: error.status, code: error.code, message: error.message }
            : { status: 0, code: null, message: (error as Error).message || "Something went wrong" };
        update(id, { state: "failed", error: failure, durationMs, cost: { state: "unavailable", usd: null } });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [turns, update, lookUpCost],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  const clear = useCallback(() => {
    controller.current?.abort();
    generation.current++;
    setTurns([]);
  }, []);

  return { turns, send, stop, clear, streaming: turns.some((turn) => turn.state === "streaming") };
}
