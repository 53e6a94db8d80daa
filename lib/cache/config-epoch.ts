// A single counter in the database that every configuration change bumps.
// Each process polls it (one tiny query every GATEWAY_CONFIG_POLL_INTERVAL_MS, 400 ms) and drops its
// caches when it moves, so a change made through any process — the dashboard,
// another proxy — reaches every proxy's hot path within a second. Changes made
// in this process also invalidate its caches at once. On PostgreSQL a
// notification (config-notify.ts) delivers the change at once; the poll remains
// the fallback.
import { db, usesPostgres } from "../db";
import { env } from "../env";
import { CONFIG_CHANNEL, listenForConfigChanges } from "./config-notify";

type Listener = () => void;

interface EpochState {
  listeners: Set<Listener>;
  lastSeenVersion: number | null;
  poller: NodeJS.Timeout | null;
  listener: { stop(): void } | null;
}

// On globalThis so Next's bundled copy of this module and the server's share one state.
const globalState = globalThis as unknown as { gatewayConfigEpoch?: EpochState };
const state: EpochState = (globalState.gatewayConfigEpoch ??= { listeners: new Set(), lastSeenVersion: null, poller: null, listener: null });

/** Call after any change the proxy reads (keys, providers, groups, limits, settings). */
export async function bumpConfigEpoch(): Promise<void> {
  notifyListeners();
  await db.configEpoch.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
  if (usesPostgres()) await db.$executeRawUnsafe(`SELECT pg_notify('${CONFIG_CHANNEL}', '')`);
}

/** Register a cache-clearing callback; starts the poller on first use. */
export function onConfigChange(listener: Listener): () => void {
  state.listeners.add(listener);
  startPolling();
  return () => state.listeners.delete(listener);
}

function notifyListeners(): void {
  for (const listener of state.listeners) listener();
}

function startPolling(): void {
  if (state.poller) return;
  state.listener ??= usesPostgres() ? listenForConfigChanges(env().DATABASE_URL, notifyListeners) : null;
  state.poller = setInterval(() => void pollOnce(), env().GATEWAY_CONFIG_POLL_INTERVAL_MS);
  state.poller.unref();
}

async function pollOnce(): Promise<void> {
  try {
    const row = await db.configEpoch.findUnique({ where: { id: 1 }, select: { version: true } });
    const version = row?.version ?? 0;
    if (state.lastSeenVersion !== null && version !== state.lastSeenVersion) notifyListeners();
    state.lastSeenVersion = version;
  } catch {
    // The database may be briefly busy; the next poll tries again.
  }
}

export function stopConfigPolling(): void {
  if (state.poller) clearInterval(state.poller);
  state.poller = null;
  state.listener?.stop();
  state.listener = null;
}
