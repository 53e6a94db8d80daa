// The prepaid balance of an organization. It moves only through ledger entries
// (credits, adjustments, auto-recharges) and usage debits by the proxy.
import type { z } from "zod";
import { db } from "../db";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { microsToUsd, usdToMicros } from "../money";
import type { adjustmentSchema, balanceResponseSchema, creditSchema, ledgerEntrySchema, updateBalanceSchema } from "./schemas";

type BalanceResponse = z.infer<typeof balanceResponseSchema>;

async function balanceRow(organizationId: string) {
  return db.balance.upsert({ where: { organizationId }, create: { organizationId }, update: {} });
}

function toResponse(row: Awaited<ReturnType<typeof balanceRow>>): BalanceResponse {
  return {
    balanceUsd: microsToUsd(row.balanceMicros),
    reservedUsd: microsToUsd(row.reservedMicros),
    autoRecharge: {
      enabled: row.autoRechargeEnabled,
      thresholdUsd: microsToUsd(row.thresholdMicros),
      targetUsd: microsToUsd(row.targetMicros),
    },
  };
}

export async function getBalance(organizationId: string): Promise<BalanceResponse> {
  return toResponse(await balanceRow(organizationId));
}

export async function updateAutoRecharge(caller: Caller, input: z.infer<typeof updateBalanceSchema>): Promise<BalanceResponse> {
  await balanceRow(caller.organizationId);
  const row = await db.balance.update({
    where: { organizationId: caller.organizationId },
    data: {
      autoRechargeEnabled: input.autoRecharge.enabled,
      thresholdMicros: usdToMicros(input.autoRecharge.thresholdUsd),
      targetMicros: usdToMicros(input.autoRecharge.targetUsd),
    },
  });
  await recordAudit(caller, "balance.auto_recharge", undefined, input.autoRecharge);
  return toResponse(row);
}

/** Add a signed amount and its ledger entry in one transaction. */
async function addLedgerEntry(caller: Caller, kind: "credit" | "adjustment", amountMicros: bigint, note: string | null) {
  await balanceRow(caller.organizationId);
  return db.$transaction(async (transaction) => {
    const row = await transaction.balance.update({
      where: { organizationId: caller.organizationId },
      data: { balanceMicros: { increment: amountMicros } },
    });
    const entry = await transaction.balanceLedgerEntry.create({
      data: {
        organizationId: caller.organizationId,
        kind,
        amountMicros,
        balanceAfterMicros: row.balanceMicros,
        note,
        createdByUserId: caller.userId,
      },
    });
    return { row, entry };
  });
}

export async function addCredits(caller: Caller, input: z.infer<typeof creditSchema>) {
  const { row, entry } = await addLedgerEntry(caller, "credit", usdToMicros(input.amountUsd), input.note ?? null);
  await recordAudit(caller, "balance.credit", { type: "ledger_entry", id: entry.id }, { amountUsd: input.amountUsd });
  return { ...toResponse(row), entry: toLedgerEntry(entry) };
}

export async function addAdjustment(caller: Caller, input: z.infer<typeof adjustmentSchema>) {
  const { row, entry } = await addLedgerEntry(caller, "adjustment", usdToMicros(input.amountUsd), input.reason);
  await recordAudit(caller, "balance.adjustment", { type: "ledger_entry", id: entry.id }, { amountUsd: input.amountUsd });
  return { ...toResponse(row), entry: toLedgerEntry(entry) };
}

type LedgerRow = Awaited<ReturnType<typeof db.balanceLedgerEntry.create>>;

function toLedgerEntry(entry: LedgerRow): z.infer<typeof ledgerEntrySchema> {
  return {
    id: entry.id,
    kind: entry.kind as z.infer<typeof ledgerEntrySchema>["kind"],
    amountUsd: microsToUsd(entry.amountMicros),
    balanceAfterUsd: microsToUsd(entry.balanceAfterMicros),
    note: entry.note,
    createdAt: entry.createdAt.toISOString(),
  };
}

export async function listLedger(organizationId: string, limit: number) {
  const entries = await db.balanceLedgerEntry.findMany({ where: { organizationId }, orderBy: { createdAt: "desc" }, take: limit });
  return entries.map(toLedgerEntry);
}
