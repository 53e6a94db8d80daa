// The state of one proxied request from arrival to its usage record. finish()
// runs exactly once, whatever way the request ends (answered, refused, stream
// completed, client gone, upstream died): it prices the usage, settles the
// reservation and queues the usage record.
import { randomUUID } from "node:crypto";
import type { CachedKey } from "@/lib/cache/key-cache";
import type { ResolvedProvider } from "@/lib/cache/organization-routes";
import type { CounterStore, Reservation } from "@/lib/limits/counter-store";
import { costOfUsage, findModelRates, type ModelRates } from "@/lib/pricing";
import { serializeAttemptLog } from "@/lib/usage/attempt-log";
import type { UsageRecordInput } from "@/lib/usage/types";
import { usageWriter } from "./metering";
import type { ProvisionalUsage } from "./usage-journal";
import { exportRequestTelemetry } from "./telemetry";
import type { ErrorShape, RequestInfo, UsageCounts } from "./providers/types";
import { errorShapeForPath } from "./errors";

const inFlight = new Set<ProxyRequestContext>();

/** One upstream call of a request, for telemetry's attempt spans (see AttemptSpanInput). */
export interface AttemptRecord {
  providerSlug: string;
  providerType: string;
  startedAt: number;
  endedAt: number | null;
  status?: number;
  failure?: { reason: string; message: string };
}

export class ProxyRequestContext {
  readonly requestId = randomUUID();
  readonly traceId: string;
  /** The span id of the client's traceparent: telemetry makes the request's span its child. */
  readonly parentSpanId: string | null;
  readonly startedAt = Date.now();
  finishedAt: number | null = null;
  shape: ErrorShape;
  key: CachedKey | null = null;
  routeSlug: string | null = null;
  info: RequestInfo | null = null;
  provider: ResolvedProvider | null = null;
  attempts = 0;
  status = 0;
  streamed = false;
  ttfbMs: number | null = null;
  usage: UsageCounts | null = null;
  estimated = false;
  requestBytes = 0;
  outputText = "";
  errorCode: string | null = null;
  errorMessage: string | null = null;
  reservation: Reservation | null = null;
  costMicros = 0n;
  // Kept for telemetry (span attributes, content capture): references to what was parsed anyway.
  requestJson: unknown = null;
  responseJson: unknown = null;
  readonly attemptLog: AttemptRecord[] = [];
  private finished = false;
  private journalTicket: number | null = null;
  // Pricing is looked up once per provider tried and each usage priced once (the cost header, finish()).
  private ratesFor: { provider: ResolvedProvider; model: string; rates: ModelRates | null } | null = null;
  private pricedUsage: UsageCounts | null = null;
  private settled: Promise<void> = Promise.resolve();

  constructor(
    traceparent: string | null,
    readonly upstreamPath: string,
    private readonly counterStore: CounterStore,
  ) {
    this.shape = errorShapeForPath(upstreamPath);
    const parent = parseTraceparent(traceparent);
    this.traceId = parent?.traceId ?? newTraceId();
    this.parentSpanId = parent?.spanId ?? null;
    inFlight.add(this);
  }

  /** Starts the log entry of one upstream attempt; the caller fills in how it ended. */
  recordAttempt(provider: ResolvedProvider): AttemptRecord {
    const attempt: AttemptRecord = { providerSlug: provider.slug, providerType: provider.type, startedAt: Date.now(), endedAt: null };
    this.attemptLog.push(attempt);
    return attempt;
  }

  markFirstByte(): void {
    this.ttfbMs ??= Date.now() - this.startedAt;
  }

  /** Gateway headers every response carries. */
  responseHeaders(): Record<string, string> {
    const headers: Record<string, string> = { "x-gateway-request-id": this.requestId };
    if (this.provider) headers["x-gateway-provider"] = this.provider.slug;
    if (this.attempts) headers["x-gateway-attempts"] = String(this.attempts);
    return headers;
  }

  /** Price usage now (for x-gateway-cost-usd) without finishing. */
  priceUsage(): bigint {
    if (!isBilledOperation(this.info?.operation)) return 0n;
    const usage = this.usage ?? this.estimateUsage();
    if (!usage) return 0n;
    if (usage === this.pricedUsage) return this.costMicros;
    this.costMicros = this.priceOf(usage);
    this.pricedUsage = usage;
    return this.costMicros;
  }

  private priceOf(usage: UsageCounts): bigint {
    const model = this.info?.model ?? usage.model;
    if (!this.provider || !model) return 0n;
    if (this.ratesFor?.provider !== this.provider || this.ratesFor.model !== model) {
      this.ratesFor = { provider: this.provider, model, rates: findModelRates(this.provider.pricing, model) };
    }
    return this.ratesFor.rates ? costOfUsage(this.ratesFor.rates, usage) : 0n;
  }

  /** Usage guessed from the bytes: the request's for input, the text delivered so far for output. */
  private bytesEstimate(): UsageCounts {
    return { inputTokens: Math.ceil(this.requestBytes / 4), outputTokens: Math.ceil(this.outputText.length / 4), cacheReadTokens: 0, cacheWriteTokens: 0 };
  }

  /** When an upstream gave no usage (client left, upstream died), estimate it from the bytes seen. */
  private estimateUsage(): UsageCounts | null {
    if (!this.provider || this.status === 0 || this.status >= 400) return null;
    // Only inference is estimated: a free call (count_tokens, model lists) or an unknown path has nothing to bill.
    if (!isEstimatedOperation(this.info?.operation)) return null;
    this.estimated = true;
    this.usage = this.bytesEstimate();
    return this.usage;
  }

  /**
   * Just before the first upstream call: write ahead, on disk, the record this
   * request leaves should the process die before finish() (see usage-journal.ts).
   */
  noteBegun(): void {
    if (!this.key || this.journalTicket !== null) return;
    const key = this.key;
    const usage = this.bytesEstimate(); // nothing delivered yet: input only
    const provisional: ProvisionalUsage = {
      id: this.requestId,
      startedAt: this.startedAt,
      organizationId: key.organizationId,
      projectId: key.projectId,
      apiKeyId: key.id,
      membershipId: key.membershipId,
      providerSlug: this.provider?.slug ?? null,
      route: this.routeSlug,
      model: this.info?.model ?? null,
      operation: this.info?.operation ?? null,
      streamed: this.streamed,
      inputTokens: usage.inputTokens,
      costMicros: isEstimatedOperation(this.info?.operation) ? this.priceOf(usage) : 0n,
      traceId: this.traceId,
    };
    this.journalTicket = usageWriter.begin(provisional);
  }

  private usageRecord(cost: bigint): UsageRecordInput {
    const key = this.key!;
    return {
      id: this.requestId,
      time: new Date(this.startedAt),
      organizationId: key.organizationId,
      projectId: key.projectId,
      apiKeyId: key.id,
      membershipId: key.membershipId,
      providerSlug: this.provider?.slug ?? null,
      route: this.routeSlug,
      model: this.usage?.model ?? this.info?.model ?? null,
      operation: this.info?.operation ?? null,
      status: this.status,
      streamed: this.streamed,
      inputTokens: this.usage?.inputTokens ?? 0,
      outputTokens: this.usage?.outputTokens ?? 0,
      cacheReadTokens: this.usage?.cacheReadTokens ?? 0,
      cacheWriteTokens: this.usage?.cacheWriteTokens ?? 0,
      cacheWrite1hTokens: this.usage?.cacheWrite1hTokens ?? 0,
      reasoningTokens: this.usage?.reasoningTokens ?? 0,
      inputAudioTokens: this.usage?.inputAudioTokens ?? 0,
      cacheAudioReadTokens: this.usage?.cacheAudioReadTokens ?? 0,
      outputAudioTokens: this.usage?.outputAudioTokens ?? 0,
      audioMilliseconds: Math.round((this.usage?.audioSeconds ?? 0) * 1000),
      costMicros: cost,
      estimated: this.estimated,
      latencyMs: Date.now() - this.startedAt,
      ttfbMs: this.ttfbMs,
      attempts: this.attempts,
      attemptLog: serializeAttemptLog(this.attemptLog, this.finishedAt ?? Date.now()),
      errorCode: this.errorCode,
      errorMessage: this.errorMessage?.slice(0, 1000) ?? null,
      traceId: this.traceId,
    };
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.finishedAt = Date.now();
    inFlight.delete(this);
    const cost = this.status > 0 && this.status < 400 ? this.priceUsage() : 0n;
    if (this.reservation) {
      const reservation = this.reservation;
      const balanceCost = this.provider?.builtin ? cost : 0n;
      this.settled = this.counterStore.settle(reservation, cost, balanceCost).catch((error) => {
        console.error(`[proxy] settling reservation ${reservation.id} failed`, error);
      });
      trackSettlement(this.settled);
    }
    if (!this.key) return; // no valid key: nothing to attribute the request to
    usageWriter.record(this.usageRecord(cost), this.journalTicket);
    exportRequestTelemetry(this);
  }
}

// Operations that generate (or embed, or transcribe) and are billed; the rest are free.
const FREE_OPERATIONS = new Set(["count_tokens", "list_models", "get_model"]);
const ESTIMATED_OPERATIONS = new Set(["chat", "text_completion", "embeddings", "transcription"]);

export function isBilledOperation(operation: string | undefined): boolean {
  return operation === undefined || !FREE_OPERATIONS.has(operation);
}

function isEstimatedOperation(operation: string | undefined): boolean {
  return operation !== undefined && ESTIMATED_OPERATIONS.has(operation);
}

const pendingSettlements = new Set<Promise<void>>();

function trackSettlement(settlement: Promise<void>): void {
  pendingSettlements.add(settlement);
  void settlement.finally(() => pendingSettlements.delete(settlement));
}

/** Requests still running (for graceful shutdown). */
export function inFlightRequests(): number {
  return inFlight.size;
}

export async function waitForSettlements(): Promise<void> {
  await Promise.all([...pendingSettlements]);
}

/**
 * 32 random hex digits for a trace of our own: a version-4 UUID's digits
 * (122 random bits). randomUUID() draws from a pooled buffer, where
 * randomBytes(16) cost a system call per request.
 */
function newTraceId(): string {
  const uuid = randomUUID();
  return uuid.slice(0, 8) + uuid.slice(9, 13) + uuid.slice(14, 18) + uuid.slice(19, 23) + uuid.slice(24);
}

/** The client's W3C trace context, when it sent a valid one: the request continues that trace. */
function parseTraceparent(traceparent: string | null): { traceId: string; spanId: string } | null {
  const match = traceparent ? /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/.exec(traceparent.trim()) : null;
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return null;
  return { traceId: match[1], spanId: match[2] };
}
