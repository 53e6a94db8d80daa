// Attribute names of the spans the gateway exports. The GenAI names are the
// OpenTelemetry GenAI semantic conventions; they are spelled out here rather
// than imported because @opentelemetry/semantic-conventions marks them
// incubating/deprecated (moved to the GenAI conventions repository) and asks
// users to copy them. The stable names come from the package.
import { ATTR_ERROR_TYPE, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

export const ATTR = {
  GEN_AI_OPERATION_NAME: "gen_ai.operation.name",
  GEN_AI_PROVIDER_NAME: "gen_ai.provider.name",
  /** Superseded by gen_ai.provider.name; still read by many backends. */
  GEN_AI_SYSTEM: "gen_ai.system",
  GEN_AI_REQUEST_MODEL: "gen_ai.request.model",
  GEN_AI_REQUEST_MAX_TOKENS: "gen_ai.request.max_tokens",
  GEN_AI_REQUEST_TEMPERATURE: "gen_ai.request.temperature",
  GEN_AI_REQUEST_TOP_P: "gen_ai.request.top_p",
  GEN_AI_REQUEST_TOP_K: "gen_ai.request.top_k",
  GEN_AI_REQUEST_STOP_SEQUENCES: "gen_ai.request.stop_sequences",
  GEN_AI_REQUEST_SEED: "gen_ai.request.seed",
  GEN_AI_REQUEST_FREQUENCY_PENALTY: "gen_ai.request.frequency_penalty",
  GEN_AI_REQUEST_PRESENCE_PENALTY: "gen_ai.request.presence_penalty",
  GEN_AI_REQUEST_CHOICE_COUNT: "gen_ai.request.choice.count",
  GEN_AI_REQUEST_STREAM: "gen_ai.request.stream",
  GEN_AI_RESPONSE_MODEL: "gen_ai.response.model",
  GEN_AI_RESPONSE_ID: "gen_ai.response.id",
  GEN_AI_RESPONSE_FINISH_REASONS: "gen_ai.response.finish_reasons",
  GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK: "gen_ai.response.time_to_first_chunk",
  GEN_AI_USAGE_INPUT_TOKENS: "gen_ai.usage.input_tokens",
  GEN_AI_USAGE_OUTPUT_TOKENS: "gen_ai.usage.output_tokens",
  GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS: "gen_ai.usage.cache_read.input_tokens",
  GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS: "gen_ai.usage.cache_creation.input_tokens",
  GEN_AI_INPUT_MESSAGES: "gen_ai.input.messages",
  GEN_AI_OUTPUT_MESSAGES: "gen_ai.output.messages",
  GEN_AI_SYSTEM_INSTRUCTIONS: "gen_ai.system_instructions",
  /** Cost in USD: Logfire's name, and the gen_ai.usage.* spelling other backends look for. */
  OPERATION_COST: "operation.cost",
  GEN_AI_USAGE_COST: "gen_ai.usage.cost",

  HTTP_RESPONSE_STATUS_CODE: ATTR_HTTP_RESPONSE_STATUS_CODE,
  ERROR_TYPE: ATTR_ERROR_TYPE,
  SERVICE_NAME: ATTR_SERVICE_NAME,

  GATEWAY_REQUEST_ID: "gateway.request.id",
  GATEWAY_KEY_ID: "gateway.key.id",
  GATEWAY_KEY_NAME: "gateway.key.name",
  GATEWAY_PROJECT: "gateway.project",
  GATEWAY_MEMBER_ID: "gateway.member.id",
  GATEWAY_ROUTE: "gateway.route",
  GATEWAY_PROVIDER: "gateway.provider",
  GATEWAY_PROVIDER_TYPE: "gateway.provider.type",
  GATEWAY_ATTEMPTS: "gateway.attempts",
  GATEWAY_ATTEMPT_NUMBER: "gateway.attempt.number",
  GATEWAY_ATTEMPT_OUTCOME: "gateway.attempt.outcome",
  GATEWAY_ATTEMPT_FAILURE: "gateway.attempt.failure",
  GATEWAY_ERROR_MESSAGE: "gateway.error.message",
  GATEWAY_USAGE_ESTIMATED: "gateway.usage.estimated",
  GATEWAY_CONTENT_TRUNCATED: "gateway.content.truncated",
} as const;
