// Small readers for untyped request and response JSON: every wire format reads
// client-supplied bodies, so nothing here trusts a shape or throws.
import type { MessagePart, Modality, RequestParameters } from "./message-types";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The objects of an array (anything else in it, or a non-array, is skipped). */
export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A stop parameter given as one string or a list of strings. */
export function stringListOf(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return undefined;
  const strings = value.filter((item): item is string => typeof item === "string");
  return strings.length > 0 ? strings : undefined;
}

/** The first of several spellings of a field (Gemini accepts camelCase and snake_case). */
export function fieldOf(value: unknown, ...names: string[]): unknown {
  if (!isRecord(value)) return undefined;
  for (const name of names) if (value[name] !== undefined) return value[name];
  return undefined;
}

/** Tool-call arguments arrive as a JSON string on OpenAI wires; the convention prefers the object. */
export function parsedArguments(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function textPart(content: string): MessagePart {
  return { type: "text", content };
}

export function modalityOf(mimeType: string | undefined, fallback: Modality): Modality {
  if (!mimeType) return fallback;
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("audio/")) return "audio";
  if (mimeType.startsWith("video/")) return "video";
  return "document";
}

/** A `data:` URL becomes a blob part (the convention forbids data URLs in uri parts); anything else a uri part. */
export function urlPart(url: string, fallback: Modality): MessagePart {
  const dataUrl = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/s.exec(url);
  if (dataUrl) {
    const mimeType = dataUrl[1] || undefined;
    return { type: "blob", modality: modalityOf(mimeType, fallback), mime_type: mimeType ?? null, content: dataUrl[2] };
  }
  return { type: "uri", modality: fallback, uri: url };
}

/** Drops parameters the client did not set, so only real values become attributes. */
export function definedParameters(parameters: RequestParameters): RequestParameters {
  return Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined)) as RequestParameters;
}
