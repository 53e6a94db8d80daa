"use client";
// The conversation: the user's messages, the answers as they stream in, and
// under each answer its tokens, cost and duration (or a readable error).
import { useEffect, useRef } from "react";
import { formatDuration } from "@/components/format/duration";
import { formatMoney } from "@/components/format/money";
import { formatCount } from "@/components/format/numbers";
import type { ChatTurn } from "./use-chat";

export function ChatTranscript({ turns }: { turns: ChatTurn[] }) {
  const end = useRef<HTMLDivElement>(null);
  const last = turns.at(-1);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [turns.length, last?.answer, last?.state]);

  return (
    <ol aria-label="Conversation" className="flex flex-col gap-6 px-5 py-6">
      {turns.map((turn) => (
        <li key={turn.id} className="flex flex-col gap-3">
          <div className="flex justify-end">
            <p className="max-w-[85%] whitespace-pre-wrap rounded-2xl rounded-br-md bg-primary px-4 py-2.5 text-sm text-primary-foreground">{turn.prompt}</p>
          </div>
          <Answer turn={turn} />
        </li>
      ))}
      <div ref={end} />
    </ol>
  );
}

function Answer({ turn }: { turn: ChatTurn }) {
  return (
    <div className="flex gap-3">
      <span aria-hidden="true" className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-surface-muted text-[11px] font-semibold text-muted">
        AI
      </span>
      <div className="flex min-w-0 max-w-[85%] flex-col gap-2">
        {turn.error ? (
          <div role="alert" className="rounded-lg border border-danger-border bg-danger-surface px-4 py-3 text-sm text-danger">
            <p className="font-medium">{errorTitle(turn.error)}</p>
            <p className="mt-0.5 break-words">{turn.error.message}</p>
          </div>
        ) : (
          <div className="rounded-2xl rounded-tl-md border border-border bg-surface px-4 py-2.5 text-sm">
            {turn.answer ? (
              <p className="whitespace-pre-wrap break-words">
                {turn.answer}
                {turn.state === "streaming" && <span aria-hidden="true" className="ml-0.5 inline-block h-4 w-1.5 translate-y-0.5 animate-pulse bg-foreground/70" />}
              </p>
            ) : turn.state === "streaming" ? (
              <span role="status" aria-label="Waiting for the answer" className="flex gap-1 py-1.5">
                {[0, 150, 300].map((delay) => (
                  <span key={delay} className="size-1.5 animate-bounce rounded-full bg-muted" style={{ animationDelay: `${delay}ms` }} />
                ))}
              </span>
            ) : (
              <p className="italic text-muted">{turn.state === "stopped" ? "Stopped before any text arrived." : "The model returned no text."}</p>
            )}
          </div>
        )}
        {turn.streamError && (
          <p role="alert" className="text-xs text-danger">
            The answer was cut off: {turn.streamError}
          </p>
        )}
        <TurnMeta turn={turn} />
      </div>
    </div>
  );
}

function errorTitle(error: NonNullable<ChatTurn["error"]>): string {
  if (error.status === 0) return "Could not reach the gateway";
  return `Error ${error.status}${error.code ? ` · ${error.code}` : ""}`;
}

function TurnMeta({ turn }: { turn: ChatTurn }) {
  if (turn.state === "streaming") return null;
  const parts: string[] = [turn.model];
  if (turn.usage) parts.push(`${formatCount(turn.usage.inputTokens)} in · ${formatCount(turn.usage.outputTokens)} out tokens`);
  if (turn.cost.state === "known") parts.push(formatMoney(turn.cost.usd));
  if (turn.durationMs !== null) parts.push(formatDuration(turn.durationMs));
  if (turn.state === "stopped") parts.push("stopped");
  return (
    <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-muted" aria-label="Turn details">
      <span>{parts.join(" · ")}</span>
      {turn.cost.state === "pending" && <span className="animate-pulse">· cost…</span>}
    </p>
  );
}
