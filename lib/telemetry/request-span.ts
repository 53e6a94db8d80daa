// The spans of one proxy request: a CLIENT span named `{operation} {model}`
// carrying the GenAI semantic-convention attributes and the gateway's own, and —
// when a routing group tried more than one upstream — a child span per attempt.
// Pure: plain data in, ReadableSpan values out, so it is tested without a proxy.
import type { Attributes } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { microsToUsd } from "../money";
import { ATTR } from "./attribute-names";
import { contentAttributes } from "./content-attributes";
import type { RequestParameters } from "./formats/message-types";
import { wireFormatFor } from "./formats/select-format";
import { genAIProviderName } from "./provider-names";
import { buildSpan, newSpanId } from "./readable-span";

export interface AttemptSpanInput {
  providerSlug: string;
  providerType: string;
  startedAt: number;
  /** Null for the attempt that answered: it lasts until the request ends. */
  endedAt: number | null;
  /** The upstream's status, when it answered at all. */
  status?: number;
  /** Why this attempt did not serve the request: "connection", "timeout", or the status that triggered failover. */
  failure?: { reason: string; message: string };
}

export interface RequestSpanInput {
  traceId: string;
  /** The span id of the client's traceparent, when it sent one. */
  parentSpanId: string | null;
  requestId: string;
  startedAt: number;
  endedAt: number;
  ttfbMs: number | null;
  operation: string;
  requestModel: string | null;
  stream: boolean;
  maxOutputTokens: number | null;
  /** The path after the route slug, e.g. "chat/completions" (selects the wire format). */
  upstreamPath: string;
  providerType: string | null;
  providerSlug: string | null;
  route: string | null;
  key: { id: string; name: string; projectSlug: string; membershipId: string | null };
  status: number;
  errorCode: string | null;
  errorMessage: string | null;
  usage: {
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
    model?: string;
    responseId?: string;
    finishReasons?: string[];
  } | null;
  estimatedUsage: boolean;
  costMicros: bigint;
  attemptCount: number;
  attempts: AttemptSpanInput[];
  requestBody: unknown;
  /** The parsed body of a non-streaming answer, else null. */
  responseBody: unknown;
  /** The text of a streamed answer, else null. */
  streamedText: string | null;
  captureContent: boolean;
}

export function buildRequestSpans(input: RequestSpanInput): ReadableSpan[] {
  const spanId = newSpanId();
  const model = input.requestModel ?? input.usage?.model ?? null;
  const failed = input.status === 0 || input.status >= 400 || input.errorCode !== null;
  const requestSpan = buildSpan({
    name: model ? `${input.operation} ${model}` : input.operation,
    traceId: input.traceId,
    spanId,
    parentSpanId: input.parentSpanId,
    remoteParent: true,
    startTime: input.startedAt,
    endTime: input.endedAt,
    attributes: requestAttributes(input, model, failed),
    error: failed ? { message: input.errorMessage ?? input.errorCode ?? `status ${input.status}` } : null,
  });
  if (input.attempts.length < 2) return [requestSpan];
  return [requestSpan, ...input.attempts.map((attempt, index) => attemptSpan(input, attempt, index, spanId))];
}

function requestAttributes(input: RequestSpanInput, model: string | null, failed: boolean): Attributes {
  const format = input.providerType ? wireFormatFor(input.providerType, input.upstreamPath) : null;
  const attributes: Attributes = {
    [ATTR.GEN_AI_OPERATION_NAME]: input.operation,
    [ATTR.GEN_AI_REQUEST_STREAM]: input.stream,
    [ATTR.GATEWAY_REQUEST_ID]: input.requestId,
    [ATTR.GATEWAY_KEY_ID]: input.key.id,
    [ATTR.GATEWAY_KEY_NAME]: input.key.name,
    [ATTR.GATEWAY_PROJECT]: input.key.projectSlug,
    [ATTR.GATEWAY_ATTEMPTS]: input.attemptCount,
    [ATTR.HTTP_RESPONSE_STATUS_CODE]: input.status,
    ...parameterAttributes({ maxTokens: input.maxOutputTokens ?? undefined, ...format?.requestParameters(input.requestBody) }),
  };
  if (model) attributes[ATTR.GEN_AI_REQUEST_MODEL] = model;
  if (input.providerType) {
    attributes[ATTR.GEN_AI_PROVIDER_NAME] = genAIProviderName(input.providerType);
    attributes[ATTR.GEN_AI_SYSTEM] = genAIProviderName(input.providerType);
    attributes[ATTR.GATEWAY_PROVIDER_TYPE] = input.providerType;
  }
  if (input.providerSlug) attributes[ATTR.GATEWAY_PROVIDER] = input.providerSlug;
  if (input.route) attributes[ATTR.GATEWAY_ROUTE] = input.route;
  if (input.key.membershipId) attributes[ATTR.GATEWAY_MEMBER_ID] = input.key.membershipId;
  if (input.stream && input.ttfbMs !== null) attributes[ATTR.GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK] = input.ttfbMs / 1000;
  Object.assign(attributes, usageAttributes(input));
  if (failed) {
    attributes[ATTR.ERROR_TYPE] = input.errorCode ?? String(input.status);
    if (input.errorMessage) attributes[ATTR.GATEWAY_ERROR_MESSAGE] = input.errorMessage.slice(0, 1000);
  }
  if (input.captureContent && format) {
    Object.assign(attributes, contentAttributes({
      format,
      request: input.requestBody,
      response: input.streamedText === null ? input.responseBody : null,
      streamedText: input.streamedText,
      finishReasons: input.usage?.finishReasons,
    }));
  }
  return attributes;
}

function usageAttributes(input: RequestSpanInput): Attributes {
  const usage = input.usage;
  if (!usage) return {};
  const cost = microsToUsd(input.costMicros);
  return {
    [ATTR.GEN_AI_USAGE_INPUT_TOKENS]: usage.inputTokens,
    [ATTR.GEN_AI_USAGE_OUTPUT_TOKENS]: usage.outputTokens,
    [ATTR.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS]: usage.cacheReadTokens,
    [ATTR.GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS]: usage.cacheWriteTokens,
    [ATTR.OPERATION_COST]: cost,
    [ATTR.GEN_AI_USAGE_COST]: cost,
    ...(usage.model ? { [ATTR.GEN_AI_RESPONSE_MODEL]: usage.model } : {}),
    ...(usage.responseId ? { [ATTR.GEN_AI_RESPONSE_ID]: usage.responseId } : {}),
    ...(usage.finishReasons?.length ? { [ATTR.GEN_AI_RESPONSE_FINISH_REASONS]: usage.finishReasons } : {}),
    ...(input.estimatedUsage ? { [ATTR.GATEWAY_USAGE_ESTIMATED]: true } : {}),
  };
}

function parameterAttributes(parameters: RequestParameters): Attributes {
  const names: Record<keyof RequestParameters, string> = {
    maxTokens: ATTR.GEN_AI_REQUEST_MAX_TOKENS,
    temperature: ATTR.GEN_AI_REQUEST_TEMPERATURE,
    topP: ATTR.GEN_AI_REQUEST_TOP_P,
    topK: ATTR.GEN_AI_REQUEST_TOP_K,
    stopSequences: ATTR.GEN_AI_REQUEST_STOP_SEQUENCES,
    seed: ATTR.GEN_AI_REQUEST_SEED,
    frequencyPenalty: ATTR.GEN_AI_REQUEST_FREQUENCY_PENALTY,
    presencePenalty: ATTR.GEN_AI_REQUEST_PRESENCE_PENALTY,
    choiceCount: ATTR.GEN_AI_REQUEST_CHOICE_COUNT,
  };
  const attributes: Attributes = {};
  for (const [parameter, value] of Object.entries(parameters)) {
    if (value !== undefined) attributes[names[parameter as keyof RequestParameters]] = value;
  }
  return attributes;
}

function attemptSpan(input: RequestSpanInput, attempt: AttemptSpanInput, index: number, parentSpanId: string): ReadableSpan {
  const failed = attempt.failure !== undefined || (attempt.status !== undefined && attempt.status >= 400);
  const attributes: Attributes = {
    [ATTR.GATEWAY_ATTEMPT_NUMBER]: index + 1,
    [ATTR.GATEWAY_PROVIDER]: attempt.providerSlug,
    [ATTR.GATEWAY_PROVIDER_TYPE]: attempt.providerType,
    [ATTR.GEN_AI_PROVIDER_NAME]: genAIProviderName(attempt.providerType),
    [ATTR.GATEWAY_ATTEMPT_OUTCOME]: !attempt.failure ? "answered" : index < input.attempts.length - 1 ? "failed_over" : "failed",
  };
  if (attempt.status !== undefined) attributes[ATTR.HTTP_RESPONSE_STATUS_CODE] = attempt.status;
  if (attempt.failure) {
    attributes[ATTR.ERROR_TYPE] = attempt.failure.reason;
    attributes[ATTR.GATEWAY_ATTEMPT_FAILURE] = attempt.failure.message.slice(0, 1000);
  } else if (failed) {
    attributes[ATTR.ERROR_TYPE] = String(attempt.status);
  }
  return buildSpan({
    name: `attempt ${attempt.providerSlug}`,
    traceId: input.traceId,
    spanId: newSpanId(),
    parentSpanId,
    startTime: attempt.startedAt,
    endTime: attempt.endedAt ?? input.endedAt,
    attributes,
    error: failed ? { message: attempt.failure?.message ?? `status ${attempt.status}` } : null,
  });
}
