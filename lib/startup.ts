// What every server process does once before serving: validate configuration,
// tune SQLite, create the bootstrap admin, and start background sweepers.
import { env } from "./env";
import { db } from "./db";
import type { CounterStore } from "./limits/counter-store";

const SWEEP_INTERVAL_MS = 60_000;

export async function prepareProcess(counterStore: CounterStore): Promise<void> {
  const config = env();
  if (config.DATABASE_URL.startsWith("file:")) {
    // WAL lets readers (dashboard) and the writer (metering) proceed together.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  }
  const sweeper = setInterval(() => {
    counterStore.releaseExpired(new Date()).catch((error) => console.error("[limits] sweeping reservations failed", error));
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
}
