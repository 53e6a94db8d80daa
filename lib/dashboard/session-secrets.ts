// Plaintext key secrets created in this browser tab, kept in sessionStorage so
// Connect can fill a snippet with the real key right after "Create key" or the
// recommended setup — and nowhere else: closing the tab forgets them.
const STORAGE_PREFIX = "gateway:key-secret:";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled (privacy mode): the secret is simply not remembered
  }
}

/** Remember a key's plaintext for the rest of this browser session. */
export function rememberSecret(keyId: string, secret: string): void {
  try {
    storage()?.setItem(STORAGE_PREFIX + keyId, secret);
  } catch {
    // quota exceeded or storage disabled: Connect falls back to a placeholder
  }
}

/** The plaintext of a key created in this browser session, or null. */
export function recallSecret(keyId: string): string | null {
  return storage()?.getItem(STORAGE_PREFIX + keyId) ?? null;
}

/** Forget a key's plaintext (after it is revoked). */
export function forgetSecret(keyId: string): void {
  storage()?.removeItem(STORAGE_PREFIX + keyId);
}
