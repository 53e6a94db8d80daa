// ISO 8601 instants in query strings. Kept as validated strings in the schema
// (no transform) so the same schema documents itself in the OpenAPI output.
import { z } from "zod";

// A date alone means UTC midnight; a time must name its zone so nobody's local clock is guessed.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

export function isoInstantSchema(name: string) {
  const message = `${name} must be an ISO 8601 date-time with a zone, e.g. 2026-11-01T00:00:00Z (or a date, 2026-11-01)`;
  return z
    .string({ error: message })
    .refine((text) => ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text)), { message })
    .meta({ format: "date-time", description: `${name} as an ISO 8601 instant` });
}

export function parseInstant(text: string | undefined): Date | undefined {
  return text === undefined ? undefined : new Date(Date.parse(text));
}
