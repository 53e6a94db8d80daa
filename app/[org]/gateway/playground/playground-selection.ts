// The Playground's choices: route and model as in Connect, any active key
// (preferring ?key=, then a project key, then one whose secret this tab knows), and the numeric
// settings parsed from their fields.
import type { KeyResponse } from "@/lib/keys/schemas";
import { preferredKey } from "../connect/connect-selection";

export function choosePlaygroundKey(keys: KeyResponse[], picked: string | null, queryKey: string | undefined, hasSecret: (id: string) => boolean): KeyResponse | null {
  const active = keys.filter((key) => key.status === "active");
  return active.find((key) => key.id === picked) ?? active.find((key) => key.id === queryKey) ?? preferredKey(active, hasSecret);
}

export type NumberSetting = { value: number | null } | { error: string };

export function parseTemperature(text: string): NumberSetting {
  if (text.trim() === "") return { value: null };
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 2) return { error: "Between 0 and 2" };
  return { value };
}

export function parseMaxTokens(text: string): NumberSetting {
  if (text.trim() === "") return { value: null };
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) return { error: "A whole number of at least 1" };
  return { value };
}
