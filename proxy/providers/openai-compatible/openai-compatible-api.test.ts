// The hand-written readers must keep exactly what the zod schemas they replaced
// kept (every field `.nullish().catch(null)`): the schemas stay here as the oracle,
// checked against thousands of random bodies built from the fields the readers know.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readModelIds, readOpenAIBody, readResponsesEvent, readResponsesObject } from "./openai-compatible-api";

const count = z.number().nonnegative().nullish().catch(null);
const text = z.string().nullish().catch(null);
const inputDetails = z.object({ cached_tokens: count, audio_tokens: count }).nullish().catch(null);
const outputDetails = z.object({ reasoning_tokens: count, audio_tokens: count }).nullish().catch(null);
const usage = z
  .object({
    prompt_tokens: count,
    completion_tokens: count,
    input_tokens: count,
    output_tokens: count,
    prompt_tokens_details: inputDetails,
    input_tokens_details: inputDetails,
    input_token_details: inputDetails,
    completion_tokens_details: outputDetails,
    output_tokens_details: outputDetails,
    prompt_cache_hit_tokens: count,
    type: text,
    seconds: count,
  })
  .nullish()
  .catch(null);
const content = z.union([z.string(), z.array(z.object({ text }).nullish().catch(null))]).nullish().catch(null);
const toolCalls = z.array(z.object({ function: z.object({ arguments: text }).nullish().catch(null) }).nullish().catch(null)).nullish().catch(null);
const choice = z.object({
  index: z.number().nullish().catch(null),
  finish_reason: text,
  delta: z.object({ content, reasoning_content: text, refusal: text, tool_calls: toolCalls }).nullish().catch(null),
  text,
});
const body = z.object({ id: text, model: text, object: text, choices: z.array(choice.nullish().catch(null)).nullish().catch(null), usage, x_groq: z.object({ usage }).nullish().catch(null) });
const responsesObject = z.object({ id: text, model: text, status: text, incomplete_details: z.object({ reason: text }).nullish().catch(null), usage });
const responsesEvent = z.object({ type: z.string(), delta: z.unknown().optional(), response: responsesObject.nullish().catch(null) });
const modelList = z.object({ data: z.array(z.object({ id: z.string() }).nullish().catch(null)).nullish().catch(null) });

/** Absent, undefined and null all mean "no value": compare without them. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null && entry !== undefined).map(([key, entry]) => [key, normalize(entry)]));
  }
  return value ?? null;
}

const KEYS = ["id", "model", "object", "choices", "usage", "x_groq", "index", "finish_reason", "delta", "text", "content", "reasoning_content", "refusal", "tool_calls", "function", "arguments", "prompt_tokens", "completion_tokens", "input_tokens", "output_tokens", "prompt_tokens_details", "input_tokens_details", "input_token_details", "completion_tokens_details", "output_tokens_details", "cached_tokens", "audio_tokens", "reasoning_tokens", "prompt_cache_hit_tokens", "type", "seconds", "status", "incomplete_details", "reason", "response", "data", "extra"];

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 6 : 8));
  switch (pick) {
    case 0: return Math.floor(next() * 2000);
    case 1: return -Math.floor(next() * 10) - 1;
    case 2: return next() < 0.5 ? "response.completed" : "text";
    case 3: return null;
    case 4: return next() < 0.5;
    case 5: return next() * 10;
    case 6: return Array.from({ length: Math.floor(next() * 3) }, () => randomValue(next, depth + 1));
    default: return randomObject(next, depth + 1);
  }
}

function randomObject(next: () => number, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let field = Math.floor(next() * 6); field > 0; field--) object[KEYS[Math.floor(next() * KEYS.length)]] = randomValue(next, depth);
  return object;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe("the lenient OpenAI readers", () => {
  it("keep what the zod schemas kept, on 5,000 random bodies", () => {
    const next = seeded(7);
    for (let round = 0; round < 5000; round++) {
      const value = next() < 0.1 ? randomValue(next, 0) : randomObject(next, 0);
      const zodBody = body.safeParse(value);
      expect(normalize(readOpenAIBody(value)), JSON.stringify(value)).toEqual(zodBody.success ? normalize(zodBody.data) : null);
      const zodResponse = responsesObject.safeParse(value);
      expect(normalize(readResponsesObject(value))).toEqual(zodResponse.success ? normalize(zodResponse.data) : null);
      const zodEvent = responsesEvent.safeParse(value);
      expect(normalize(readResponsesEvent(value))).toEqual(zodEvent.success ? normalize(zodEvent.data) : null);
      const zodList = modelList.safeParse(value);
      const ids = zodList.success && zodList.data.data ? zodList.data.data.flatMap((entry) => (entry ? [entry.id] : [])) : null;
      expect(readModelIds(value)).toEqual(ids);
    }
  });

  it("read a real chat completion's usage", () => {
    const parsed = readOpenAIBody({
      id: "chatcmpl-1",
      model: "gpt-4o",
      object: "chat.completion",
      choices: [{ index: 0, finish_reason: "stop", message: { content: "hi" } }],
      usage: { prompt_tokens: 12, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 4, audio_tokens: null }, completion_tokens_details: { reasoning_tokens: 1 } },
    });
    expect(parsed?.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 1 } });
  });
});
