"use client";
// "Reveal": fetch a key's secret on request (the reveal is audited) and show it
// with a copy button; it is then also usable in Connect and the Playground.
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import type { KeyResponse } from "@/lib/keys/schemas";
import { SecretBox } from "./secret-box";
import { useRevealKey } from "./use-keys";

export function RevealKeyDialog({ apiKey, onClose }: { apiKey: KeyResponse | null; onClose: () => void }) {
  return (
    <Dialog open={apiKey !== null} onClose={onClose} title={`Reveal ${apiKey?.name ?? "key"}`}>
      {apiKey && <RevealedSecret key={apiKey.id} apiKey={apiKey} onClose={onClose} />}
    </Dialog>
  );
}

function RevealedSecret({ apiKey, onClose }: { apiKey: KeyResponse; onClose: () => void }) {
  const reveal = useRevealKey();
  const { mutate } = reveal;
  useEffect(() => {
    mutate(apiKey.id);
  }, [apiKey.id, mutate]);

  return (
    <div className="flex flex-col gap-4">
      {reveal.isPending && (
        <div role="status" aria-label="Revealing the key" className="h-11 animate-pulse rounded-lg bg-surface-muted" />
      )}
      {reveal.isError && <Alert>{reveal.error.message}</Alert>}
      {reveal.data && (
        <>
          <SecretBox secret={reveal.data} />
          <p className="text-xs text-muted">Anyone with this key can spend against its limits. Revealing it is recorded in the audit log.</p>
        </>
      )}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </div>
  );
}
