// The process's one counter store: budget leases over the hot-path database.
import { env } from "../env";
import { hotPathDatabase } from "../hot-path-db";
import { processSingleton } from "../process-singleton";
import type { CounterStore } from "./counter-store";
import { LeaseCounterStore } from "./lease-counter-store";

export const counterStore: CounterStore = processSingleton("counterStore", () => new LeaseCounterStore(hotPathDatabase, env().GATEWAY_LEASE_TTL_MS));
