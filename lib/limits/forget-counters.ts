// When limits change, a scope's counters are dropped (those not holding
// in-flight reservations) so the next enforced request re-seeds them from the
// rollups. Without this, a limit removed and added again would resume from a
// counter that stopped counting in between.
import { db } from "../db";

export async function forgetLimitCounters(scope: "key" | "member", scopeId: string): Promise<void> {
  await db.spendCounter.deleteMany({ where: { scope, scopeId, reservedMicros: 0n } });
}
