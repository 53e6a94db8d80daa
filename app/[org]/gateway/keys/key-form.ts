// The create and edit key forms as plain data: text fields in, an API body or
// per-field errors out. Limits are USD (empty = no limit); "Expires" is a date,
// meaning the end of that day in the viewer's time zone.
import { parseLimitInput } from "@/lib/dashboard/charts/limit-usage";
import type { CreateKeyInput, KeyResponse, UpdateKeyInput } from "@/lib/keys/schemas";

export const LIMIT_WINDOWS = ["daily", "weekly", "monthly", "total"] as const;
export type LimitWindow = (typeof LIMIT_WINDOWS)[number];

export const LIMIT_LABELS: Record<LimitWindow, string> = {
  daily: "Daily limit",
  weekly: "Weekly limit",
  monthly: "Monthly limit",
  total: "Total limit",
};

export interface KeyFormValues {
  name: string;
  project: string;
  kind: "project" | "personal";
  owner: string;
  /** yyyy-mm-dd or "" for never. */
  expires: string;
  limits: Record<LimitWindow, string>;
}

export type KeyFormErrors = Partial<Record<"name" | "project" | "owner" | "expires" | LimitWindow, string>>;

export type Parsed<Body> = { ok: true; body: Body } | { ok: false; errors: KeyFormErrors };

export const EMPTY_LIMITS: Record<LimitWindow, string> = { daily: "", weekly: "", monthly: "", total: "" };

/** A date field's value → the ISO instant at the end of that local day, null for never. */
export function expiryFromDate(date: string, now = new Date()): { value: string | null } | { error: string } {
  if (date.trim() === "") return { value: null };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return { error: "Pick a date" };
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  if (Number.isNaN(end.getTime()) || end.getDate() !== Number(match[3])) return { error: "Pick a valid date" };
  if (end <= now) return { error: "Pick a date in the future" };
  return { value: end.toISOString() };
}

/** An ISO instant → the local yyyy-mm-dd a date field shows. */
export function dateFromExpiry(expiresAt: string | null): string {
  if (!expiresAt) return "";
  const date = new Date(expiresAt);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parseLimits(limits: Record<LimitWindow, string>, errors: KeyFormErrors) {
  const parsed: Record<LimitWindow, number | null> = { daily: null, weekly: null, monthly: null, total: null };
  for (const window of LIMIT_WINDOWS) {
    const result = parseLimitInput(limits[window]);
    if ("error" in result) errors[window] = result.error;
    else parsed[window] = result.value;
  }
  return parsed;
}

export function parseCreateKeyForm(values: KeyFormValues, now = new Date()): Parsed<CreateKeyInput> {
  const errors: KeyFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = "Give the key a name, e.g. the application that will use it";
  else if (name.length > 100) errors.name = "At most 100 characters";
  if (!values.project) errors.project = "Choose a project";
  const expiry = expiryFromDate(values.expires, now);
  if ("error" in expiry) errors.expires = expiry.error;
  const limits = parseLimits(values.limits, errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  const setLimits = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== null));
  return {
    ok: true,
    body: {
      name,
      project: values.project,
      kind: values.kind,
      ...(values.kind === "personal" && values.owner ? { owner: values.owner } : {}),
      ...("value" in expiry && expiry.value ? { expiresAt: expiry.value } : {}),
      ...(Object.keys(setLimits).length ? { limits: setLimits } : {}),
    },
  };
}

/** The edit form sends every field: an emptied limit or expiry clears it (null). */
export function parseEditKeyForm(values: Pick<KeyFormValues, "name" | "expires" | "limits">, key: KeyResponse, now = new Date()): Parsed<UpdateKeyInput> {
  const errors: KeyFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = "The name cannot be empty";
  // Keeping an already-past expiry unchanged is allowed (the key stays expired).
  const unchangedExpiry = values.expires === dateFromExpiry(key.expiresAt);
  const expiry = unchangedExpiry ? { value: key.expiresAt } : expiryFromDate(values.expires, now);
  if ("error" in expiry) errors.expires = expiry.error;
  const limits = parseLimits(values.limits, errors);
  if (Object.keys(errors).length || "error" in expiry) return { ok: false, errors };
  return { ok: true, body: { name, expiresAt: expiry.value, limits } };
}

export function limitTextsOf(key: KeyResponse): Record<LimitWindow, string> {
  return Object.fromEntries(LIMIT_WINDOWS.map((window) => [window, key.limits[window] === null ? "" : String(key.limits[window])])) as Record<
    LimitWindow,
    string
  >;
}
