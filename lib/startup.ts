// What every server process does once before serving: check the database
// answers and start the background sweeper of expired reservations.
import { db } from "./db";
import type { CounterStore } from "./limits/counter-store";

const SWEEP_INTERVAL_MS = 60_000;

export async function prepareProcess(counterStore: CounterStore): Promise<void> {
  // Touch the database once so a bad DATABASE_URL fails the start, not the first request.
  await db.$queryRawUnsafe("SELECT 1");
  const sweeper = setInterval(() => {
    counterStore.releaseExpired(new Date()).catch((error) => console.error("[limits] sweeping reservations failed", error));
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
}
