// Readers for the few fields the gateway takes from provider JSON, without a
// schema library: they run on every answer and on every streamed event, where
// zod's parse cost more than the rest of the usage accounting. Each reader
// keeps a field only when it has the expected type, so one odd field from an
// "OpenAI-compatible" server costs that field, never the whole usage record.

export type JsonObject = Record<string, unknown>;

/** The value when it is a JSON object (not an array), else null. */
export function objectOrNull(value: unknown): JsonObject | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** A non-negative finite number, else null. */
export function countOrNull(value: unknown): number | null {
  return typeof value === "number" && value >= 0 && Number.isFinite(value) ? value : null;
}

/** Any finite number, else null. */
export function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Each element read by `read`, or null when the value is not an array. */
export function arrayOrNull<T>(value: unknown, read: (element: unknown) => T): T[] | null {
  return Array.isArray(value) ? value.map(read) : null;
}

/** A positive token count from a request field (`max_tokens` and kin), floored; undefined otherwise. */
export function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}
