// Zod schemas of GET /api/v1/spending/keys: what a key's spend bars need beyond
// recorded spend — the room running proxies hold for it (budget leases and
// in-flight requests) and the requests refused in its current day.
import { z } from "zod";

const windowAmounts = z.object({
  daily: z.number(),
  weekly: z.number(),
  monthly: z.number(),
  total: z.number(),
});

export const keyHoldsItemSchema = z.object({
  keyId: z.string(),
  held: windowAmounts.describe("USD reserved against each current window by running proxies, not yet spent"),
  refusedToday: z.number().int().describe("Requests refused since 00:00 UTC (limits, balance, disabled or expired key)"),
  lastRefusal: z
    .object({ time: z.string(), status: z.number().int(), code: z.string().nullable(), message: z.string().nullable() })
    .nullable()
    .describe("The newest refusal of the day, with the message the client got"),
});

export const keyHoldsResponseSchema = z.object({ items: z.array(keyHoldsItemSchema) });

export type KeyHoldsItem = z.infer<typeof keyHoldsItemSchema>;
export type KeyHoldsReport = z.infer<typeof keyHoldsResponseSchema>;
