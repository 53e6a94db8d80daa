// What every server process does once before serving: check the database
// answers, replay usage records a previous run left in the spool, and start
// the background sweeper of expired leases and reservations.
import { db } from "./db";
import type { CounterStore } from "./limits/counter-store";

const SWEEP_INTERVAL_MS = 60_000;

export async function prepareProcess(counterStore: CounterStore, replayUsageSpool: () => Promise<boolean>): Promise<void> {
  // Touch the database once so a bad DATABASE_URL fails the start, not the first request.
  await db.$queryRawUnsafe("SELECT 1");
  if (!(await replayUsageSpool())) console.error("[metering] spooled usage records could not be stored yet; retrying in the background");
  const sweeper = setInterval(() => {
    counterStore.releaseExpired(new Date()).catch((error) => console.error("[limits] sweeping reservations failed", error));
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
}
