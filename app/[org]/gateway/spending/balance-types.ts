// Answers of the balance API, inferred from its schemas (types only: nothing server-side reaches the browser).
import type { z } from "zod";
import type { balanceResponseSchema, ledgerEntrySchema } from "@/lib/balance/schemas";

export type Balance = z.infer<typeof balanceResponseSchema>;
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const balanceQueryKey = (organizationSlug: string) => ["balance", organizationSlug] as const;
export const ledgerQueryKey = (organizationSlug: string) => ["balance", organizationSlug, "ledger"] as const;
