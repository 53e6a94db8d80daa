// The usage record as the proxy produces it and the writers store it: shared by
// proxy/ (metering, journal, spool) and lib/ (the seed for analytics benchmarks).

/** One request's usage record before it is written. */
export interface UsageRecordInput {
  id: string;
  time: Date;
  organizationId: string;
  projectId: string | null;
  apiKeyId: string | null;
  membershipId: string | null;
  providerSlug: string | null;
  route: string | null;
  model: string | null;
  operation: string | null;
  status: number;
  streamed: boolean;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cacheWrite1hTokens: number;
  reasoningTokens: number;
  inputAudioTokens: number;
  cacheAudioReadTokens: number;
  outputAudioTokens: number;
  audioMilliseconds: number;
  costMicros: bigint;
  estimated: boolean;
  latencyMs: number;
  ttfbMs: number | null;
  attempts: number;
  /** JSON of the attempts when a failover or a failure happened (lib/usage/attempt-log.ts), else null. */
  attemptLog: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  traceId: string | null;
}
