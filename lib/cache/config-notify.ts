// On PostgreSQL, configuration changes also travel by LISTEN/NOTIFY: every
// process keeps one connection listening on a channel that bumpConfigEpoch
// notifies, so caches drop within milliseconds. The epoch poll stays the
// fallback (a dropped connection, a missed notification): the bound stays 1 s.
import pg from "pg";

export const CONFIG_CHANNEL = "gateway_config";
const RECONNECT_DELAY_MS = 1_000;

/** Listens until stop() is called, reconnecting after failures. */
export function listenForConfigChanges(connectionString: string, onChange: () => void): { stop(): void } {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, RECONNECT_DELAY_MS);
    retry.unref();
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    client = next;
    next.on("notification", () => onChange());
    next.on("error", () => scheduleReconnect());
    next.on("end", () => scheduleReconnect());
    try {
      await next.connect();
      // The socket must not keep a finished process alive.
      (next as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      await next.query(`LISTEN ${CONFIG_CHANNEL}`);
      // Changes made while this connection was down were not notified: let the caches refetch.
      onChange();
    } catch {
      void next.end().catch(() => {});
      scheduleReconnect();
    }
  }

  void connect();
  return {
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      void client?.end().catch(() => {});
    },
  };
}
