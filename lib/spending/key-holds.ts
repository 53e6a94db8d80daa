// GET /api/v1/spending/keys: per key the viewer may see, the amount held by
// running proxies in each current window (SpendCounter.reservedMicros: leases
// and in-flight requests) and today's refused requests. A key whose requests
// are all refused while its bar shows a quarter spent is explained by these.
import { db } from "../db";
import { counterId, LIMIT_WINDOWS, windowStart } from "../limits/windows";
import { microsToUsd } from "../money";
import type { UsageViewer } from "../usage/viewer";
import type { KeyHoldsItem, KeyHoldsReport } from "./key-holds-schemas";

/** Refused before any upstream attempt: the gateway answered itself. */
const REFUSED = { attempts: 0, status: { gte: 400 } } as const;

export async function getKeyHolds(viewer: UsageViewer, now = new Date()): Promise<KeyHoldsReport> {
  if (viewer.role !== "admin" && !viewer.membershipId) return { items: [] };
  const keys = await db.apiKey.findMany({
    where: {
      organizationId: viewer.organizationId,
      revokedAt: null,
      ...(viewer.role === "admin" ? {} : { kind: "personal", ownerMembershipId: viewer.membershipId }),
    },
    select: { id: true },
  });
  if (keys.length === 0) return { items: [] };
  const keyIds = keys.map((key) => key.id);
  const today = windowStart("daily", now);

  const [counters, refusedCounts] = await Promise.all([
    db.spendCounter.findMany({
      where: { id: { in: keyIds.flatMap((keyId) => LIMIT_WINDOWS.map((window) => counterId("key", keyId, window, now))) }, reservedMicros: { gt: 0n } },
      select: { scopeId: true, window: true, reservedMicros: true },
    }),
    db.usageRecord.groupBy({
      by: ["apiKeyId"],
      where: { apiKeyId: { in: keyIds }, time: { gte: today }, ...REFUSED },
      _count: { _all: true },
    }),
  ]);
  const refusedKeyIds = refusedCounts.map((row) => row.apiKeyId).filter((id): id is string => id !== null);
  const lastRefusals = await Promise.all(
    refusedKeyIds.map((apiKeyId) =>
      db.usageRecord.findFirst({
        where: { apiKeyId, time: { gte: today }, ...REFUSED },
        orderBy: { time: "desc" },
        select: { apiKeyId: true, time: true, status: true, errorCode: true, errorMessage: true },
      }),
    ),
  );

  const items = new Map<string, KeyHoldsItem>(
    keyIds.map((keyId) => [keyId, { keyId, held: { daily: 0, weekly: 0, monthly: 0, total: 0 }, refusedToday: 0, lastRefusal: null }]),
  );
  for (const counter of counters) {
    const item = items.get(counter.scopeId);
    if (item && isWindow(counter.window)) item.held[counter.window] = microsToUsd(counter.reservedMicros);
  }
  for (const row of refusedCounts) if (row.apiKeyId) items.get(row.apiKeyId)!.refusedToday = row._count._all;
  for (const refusal of lastRefusals) {
    if (!refusal?.apiKeyId) continue;
    items.get(refusal.apiKeyId)!.lastRefusal = {
      time: refusal.time.toISOString(),
      status: refusal.status,
      code: refusal.errorCode,
      message: refusal.errorMessage,
    };
  }
  return { items: [...items.values()].filter((item) => item.refusedToday > 0 || Object.values(item.held).some((amount) => amount > 0)) };
}

function isWindow(window: string): window is (typeof LIMIT_WINDOWS)[number] {
  return (LIMIT_WINDOWS as readonly string[]).includes(window);
}
