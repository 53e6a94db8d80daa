// The fields the gateway reads from the OpenAI wire format, read leniently
// (see ../lenient-json.ts): a field of the wrong type becomes null, the rest
// of the answer still counts.
import { arrayOrNull, countOrNull, numberOrNull, objectOrNull, textOrNull } from "../shared/json-values";

export interface InputTokenDetails {
  cached_tokens: number | null;
  audio_tokens: number | null;
}

export interface OutputTokenDetails {
  reasoning_tokens: number | null;
  audio_tokens: number | null;
}

/** Chat/completions/embeddings use prompt_tokens…; Responses and transcriptions use input_tokens… */
export interface OpenAIUsage {
  prompt_tokens: number | null;
  completion_tokens: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  // Chat: prompt_tokens_details / completion_tokens_details; Responses: input_tokens_details /
  // output_tokens_details; transcriptions: input_token_details (sic).
  prompt_tokens_details: InputTokenDetails | null;
  input_tokens_details: InputTokenDetails | null;
  input_token_details: InputTokenDetails | null;
  completion_tokens_details: OutputTokenDetails | null;
  output_tokens_details: OutputTokenDetails | null;
  /** DeepSeek and some routers report cache hits here instead. */
  prompt_cache_hit_tokens: number | null;
  /** Transcriptions billed by duration answer { type: "duration", seconds }. */
  type: string | null;
  seconds: number | null;
}

function readInputDetails(value: unknown): InputTokenDetails | null {
  const details = objectOrNull(value);
  return details && { cached_tokens: countOrNull(details.cached_tokens), audio_tokens: countOrNull(details.audio_tokens) };
}

function readOutputDetails(value: unknown): OutputTokenDetails | null {
  const details = objectOrNull(value);
  return details && { reasoning_tokens: countOrNull(details.reasoning_tokens), audio_tokens: countOrNull(details.audio_tokens) };
}

export function readOpenAIUsage(value: unknown): OpenAIUsage | null {
  const usage = objectOrNull(value);
  if (!usage) return null;
  return {
    prompt_tokens: countOrNull(usage.prompt_tokens),
    completion_tokens: countOrNull(usage.completion_tokens),
    input_tokens: countOrNull(usage.input_tokens),
    output_tokens: countOrNull(usage.output_tokens),
    prompt_tokens_details: readInputDetails(usage.prompt_tokens_details),
    input_tokens_details: readInputDetails(usage.input_tokens_details),
    input_token_details: readInputDetails(usage.input_token_details),
    completion_tokens_details: readOutputDetails(usage.completion_tokens_details),
    output_tokens_details: readOutputDetails(usage.output_tokens_details),
    prompt_cache_hit_tokens: countOrNull(usage.prompt_cache_hit_tokens),
    type: textOrNull(usage.type),
    seconds: countOrNull(usage.seconds),
  };
}

/** Message or delta content: a string, or (Mistral and others) an array of parts. */
export type Content = string | Array<{ text: string | null } | null> | null;

function readContent(value: unknown): Content {
  if (typeof value === "string") return value;
  return arrayOrNull(value, (part) => {
    const object = objectOrNull(part);
    return object && { text: textOrNull(object.text) };
  });
}

export interface ToolCall {
  function: { arguments: string | null } | null;
}

function readToolCall(value: unknown): ToolCall | null {
  const call = objectOrNull(value);
  if (!call) return null;
  const fn = objectOrNull(call.function);
  return { function: fn && { arguments: textOrNull(fn.arguments) } };
}

export interface Delta {
  content: Content;
  reasoning_content: string | null;
  refusal: string | null;
  tool_calls: Array<ToolCall | null> | null;
}

export interface Choice {
  index: number | null;
  finish_reason: string | null;
  /** chat.completion.chunk */
  delta: Delta | null;
  /** text_completion (legacy completions API) */
  text: string | null;
}

function readChoice(value: unknown): Choice | null {
  const choice = objectOrNull(value);
  if (!choice) return null;
  const delta = objectOrNull(choice.delta);
  return {
    index: numberOrNull(choice.index),
    finish_reason: textOrNull(choice.finish_reason),
    delta: delta && {
      content: readContent(delta.content),
      reasoning_content: textOrNull(delta.reasoning_content),
      refusal: textOrNull(delta.refusal),
      tool_calls: arrayOrNull(delta.tool_calls, readToolCall),
    },
    text: textOrNull(choice.text),
  };
}

/** chat.completion, chat.completion.chunk, text_completion and the embeddings list share these. */
export interface OpenAIBody {
  id: string | null;
  model: string | null;
  object: string | null;
  choices: Array<Choice | null> | null;
  usage: OpenAIUsage | null;
  /** Groq reports stream usage in x_groq.usage on the last chunk. */
  x_groq: { usage: OpenAIUsage | null } | null;
}

/** The body's fields, or null when it is not a JSON object. */
export function readOpenAIBody(value: unknown): OpenAIBody | null {
  const body = objectOrNull(value);
  if (!body) return null;
  const groq = objectOrNull(body.x_groq);
  return {
    id: textOrNull(body.id),
    model: textOrNull(body.model),
    object: textOrNull(body.object),
    choices: arrayOrNull(body.choices, readChoice),
    usage: readOpenAIUsage(body.usage),
    x_groq: groq && { usage: readOpenAIUsage(groq.usage) },
  };
}

/** A Responses API response object (the JSON body, or `response` inside stream events). */
export interface ResponsesObject {
  id: string | null;
  model: string | null;
  status: string | null;
  incomplete_details: { reason: string | null } | null;
  usage: OpenAIUsage | null;
}

export function readResponsesObject(value: unknown): ResponsesObject | null {
  const response = objectOrNull(value);
  if (!response) return null;
  const incomplete = objectOrNull(response.incomplete_details);
  return {
    id: textOrNull(response.id),
    model: textOrNull(response.model),
    status: textOrNull(response.status),
    incomplete_details: incomplete && { reason: textOrNull(incomplete.reason) },
    usage: readOpenAIUsage(response.usage),
  };
}

/** One Responses API stream event (`type` is e.g. "response.output_text.delta"); null when it has no string type. */
export interface ResponsesEvent {
  type: string;
  delta: unknown;
  response: ResponsesObject | null;
}

export function readResponsesEvent(value: unknown): ResponsesEvent | null {
  const event = objectOrNull(value);
  if (!event || typeof event.type !== "string") return null;
  return { type: event.type, delta: event.delta, response: readResponsesObject(event.response) };
}

/** GET /models in the OpenAI list shape (also Anthropic's): the ids listed, or null when it is not such a list. */
export function readModelIds(value: unknown): string[] | null {
  const data = objectOrNull(value)?.data;
  if (!Array.isArray(data)) return null;
  const ids: string[] = [];
  for (const entry of data) {
    const id = objectOrNull(entry)?.id;
    if (typeof id === "string") ids.push(id);
  }
  return ids;
}
