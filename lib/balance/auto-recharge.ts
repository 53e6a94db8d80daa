// Auto-recharge: when a debit leaves the balance below its threshold, top it up
// to the target through the organization's payment method. The conditional
// UPDATE makes exactly one of several concurrent debits perform the top-up, and
// a failed charge rolls the top-up back.
import { db } from "../db";
import { paymentMethod } from "./payment-method";

export async function afterBalanceDebit(organizationId: string): Promise<void> {
  const balance = await db.balance.findUnique({ where: { organizationId } });
  if (!balance || !balance.autoRechargeEnabled) return;
  if (balance.balanceMicros >= balance.thresholdMicros || balance.targetMicros <= balance.balanceMicros) return;
  const amount = balance.targetMicros - balance.balanceMicros;
  const method = paymentMethod(balance.paymentMethod);
  try {
    await db.$transaction(async (transaction) => {
      const claimed = await transaction.$executeRaw`
        UPDATE "Balance" SET "balanceMicros" = "balanceMicros" + ${amount}
        WHERE "organizationId" = ${organizationId} AND "balanceMicros" = ${balance.balanceMicros} AND "autoRechargeEnabled" = ${true}`;
      if (claimed !== 1) return; // another debit moved the balance first; its own check decides
      const { reference } = await method.charge(organizationId, amount);
      await transaction.balanceLedgerEntry.create({
        data: {
          organizationId,
          kind: "auto_recharge",
          amountMicros: amount,
          balanceAfterMicros: balance.balanceMicros + amount,
          note: `Auto-recharge via ${method.name}: ${reference}`,
        },
      });
    });
  } catch (error) {
    console.error(`[balance] auto-recharge of ${organizationId} failed:`, error);
  }
}
