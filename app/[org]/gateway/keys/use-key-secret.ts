"use client";
// A key's plaintext as known to this browser session (created or revealed
// here), as React state: components re-render when a secret is remembered.
import { useSyncExternalStore } from "react";
import { forgetSecret, recallSecret, rememberSecret } from "@/lib/dashboard/session-secrets";

const CHANGE_EVENT = "gateway:key-secrets-changed";

export function rememberKeySecret(keyId: string, secret: string): void {
  rememberSecret(keyId, secret);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function forgetKeySecret(keyId: string): void {
  forgetSecret(keyId);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The plaintext of the key, or null (unknown here, or during server rendering). */
export function useKeySecret(keyId: string | null | undefined): string | null {
  return useSyncExternalStore(
    subscribe,
    () => (keyId ? recallSecret(keyId) : null),
    () => null,
  );
}
