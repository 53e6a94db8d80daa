"use client";
// The message box: Enter sends, Shift+Enter starts a new line; Stop while streaming.
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";

interface ComposerProps {
  onSend: (message: string) => void;
  onStop: () => void;
  streaming: boolean;
  /** Why sending is impossible right now (no key, no model…), or null. */
  blocked: string | null;
}

export function Composer({ onSend, onStop, streaming, blocked }: ComposerProps) {
  const [message, setMessage] = useState("");
  const canSend = !streaming && !blocked && message.trim() !== "";
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(message.trim());
    setMessage("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form onSubmit={submit} className="border-t border-border p-3">
      <label htmlFor="playground-message" className="sr-only">
        Message
      </label>
      <div className="flex items-end gap-2 rounded-xl border border-border-strong bg-surface p-2 shadow-sm focus-within:border-primary focus-within:ring-2 focus-within:ring-ring/30">
        <textarea
          id="playground-message"
          rows={2}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={blocked ?? "Send a message…  (Enter to send, Shift+Enter for a new line)"}
          className="max-h-48 min-h-10 flex-1 resize-none bg-transparent px-2 py-1.5 text-sm outline-none placeholder:text-muted/80"
        />
        {streaming ? (
          <Button variant="secondary" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button type="submit" disabled={!canSend}>
            Send
          </Button>
        )}
      </div>
    </form>
  );
}
