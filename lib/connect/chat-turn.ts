// One Playground turn against the proxy: send the request, stream the answer's
// text to a callback as it arrives, and report tokens, the gateway's request id
// (to find the turn's cost in the usage log) and any error, readably.
import { mergeUsage, readChatEvent, readConverseAnswer, readErrorBody, type TokenUsage } from "./chat-events";
import type { ChatHttpRequest } from "./chat-request";
import { SseParser } from "./sse";
import type { WireFamily } from "./wire-family";

export class ChatTurnError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The gateway's error code (x-gateway-error-code) or the provider's, when known. */
    readonly code: string | null,
    readonly requestId: string | null,
  ) {
    super(message);
  }
}

export interface ChatTurnResult {
  text: string;
  usage: TokenUsage | null;
  requestId: string | null;
  /** x-gateway-cost-usd, only sent with non-streaming JSON answers. */
  costUsd: number | null;
  /** An error event that ended the stream after some text arrived. */
  streamError: string | null;
}

export interface ChatTurnOptions {
  onText: (delta: string) => void;
  /** Called once the gateway answered 2xx, before the body is read (the id survives a later abort). */
  onResponse?: (requestId: string | null) => void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

function errorCode(response: Response, body: string): string | null {
  const header = response.headers.get("x-gateway-error-code");
  if (header) return header;
  try {
    const error = JSON.parse(body)?.error;
    return typeof error?.code === "string" ? error.code : typeof error?.status === "string" ? error.status : typeof error?.type === "string" ? error.type : null;
  } catch {
    return null;
  }
}

export async function runChatTurn(request: ChatHttpRequest, family: WireFamily, options: ChatTurnOptions): Promise<ChatTurnResult> {
  const fetchImplementation = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImplementation(request.url, { method: "POST", headers: request.headers, body: request.body, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ChatTurnError("Could not reach the gateway. Check your connection and try again.", 0, "network_error", null);
  }
  const requestId = response.headers.get("x-gateway-request-id");
  if (!response.ok) {
    const body = await response.text().catch(() => "");
    throw new ChatTurnError(readErrorBody(body) ?? `The gateway answered ${response.status} ${response.statusText}`.trim(), response.status, errorCode(response, body), requestId);
  }
  options.onResponse?.(requestId);
  const costHeader = response.headers.get("x-gateway-cost-usd");
  const costUsd = costHeader !== null && Number.isFinite(Number(costHeader)) ? Number(costHeader) : null;

  if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
    const answer = readConverseAnswer(await response.json().catch(() => null));
    if (answer.text) options.onText(answer.text);
    return { text: answer.text, usage: answer.usage, requestId, costUsd, streamError: null };
  }

  const parser = new SseParser();
  const decoder = new TextDecoder();
  let text = "";
  let usage: TokenUsage | null = null;
  let streamError: string | null = null;
  const handle = (events: ReturnType<SseParser["push"]>) => {
    for (const event of events) {
      const reading = readChatEvent(family, event);
      if (reading.text) {
        text += reading.text;
        options.onText(reading.text);
      }
      usage = mergeUsage(usage, reading.usage);
      if (reading.error) streamError = reading.error;
    }
  };
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      handle(parser.push(decoder.decode(value, { stream: true })));
    }
  }
  handle(parser.push(decoder.decode()));
  handle(parser.flush());
  return { text, usage, requestId, costUsd, streamError };
}
