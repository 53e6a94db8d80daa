// Turning the upstream's answer into the client's: JSON bodies are read whole
// (to meter them and add x-gateway-cost-usd); streams pass through chunk by
// chunk while an observer reads usage on the side.
import { microsToUsd } from "@/lib/money";
import type { ProxyReply, StreamBody } from "./exchange";
import { discardBody, type UpstreamReply } from "./forward";
import type { ProviderAdapter } from "./providers/types";
import { clientResponseHeaders } from "./request-headers";
import type { ProxyRequestContext } from "./request-context";

const decoder = new TextDecoder();

/**
 * An upstream's whole (non-streamed) answer; rejects when the connection dies
 * halfway. Plain stream events rather than `for await`: the async iterator
 * costs several microseconds per answer on the hot path.
 */
export function readUpstreamBody(upstream: UpstreamReply): Promise<Uint8Array> {
  const body = upstream.body;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    body.on("data", (chunk: Buffer) => chunks.push(chunk));
    body.once("error", fail);
    body.once("end", () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    // Destroyed without an error or an end (the upstream call aborted): still an unfinished answer.
    body.once("close", () => fail(new Error("The upstream answer ended before it was complete")));
  });
}

/** A JSON media type (application/json, application/problem+json), not NDJSON or JSON-lines. */
const JSON_MEDIA_TYPE = /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * A success whose body says it is JSON must be JSON: garbage under a 200 (a proxy's
 * HTML error page, a body cut at a content-length boundary) is an upstream fault, not
 * an answer. Returns the parsed body, `undefined` when there is nothing to check, and
 * throws when it does not parse.
 */
export function parseUpstreamJson(upstream: UpstreamReply, bodyBytes: Uint8Array): unknown {
  if (upstream.status >= 400 || bodyBytes.byteLength === 0 || !JSON_MEDIA_TYPE.test(upstream.headers.get("content-type") ?? "")) return undefined;
  return JSON.parse(decoder.decode(bodyBytes));
}

/** `parsed` is the body as parseUpstreamJson read it (undefined when it was not JSON to read). */
export function respondWithJson(upstream: UpstreamReply, bodyBytes: Uint8Array, parsed: unknown, adapter: ProviderAdapter, context: ProxyRequestContext): ProxyReply {
  context.markFirstByte();
  const headers = clientResponseHeaders(upstream.headers);
  if (upstream.status < 400 && parsed !== undefined) {
    context.responseJson = parsed; // kept for telemetry's content capture
    context.usage = adapter.usageFromJson(parsed);
    headers["x-gateway-cost-usd"] = microsToUsd(context.priceUsage()).toFixed(6);
  } else if (upstream.status < 400 && (upstream.headers.get("content-type") ?? "").includes("json")) {
    headers["x-gateway-cost-usd"] = microsToUsd(context.priceUsage()).toFixed(6);
  } else if (upstream.status >= 400) {
    context.errorCode ??= "upstream_error";
    if (context.errorCode === "upstream_unavailable") headers["x-gateway-error-code"] = context.errorCode;
    context.errorMessage = decoder.decode(bodyBytes.subarray(0, 500));
  }
  Object.assign(headers, context.responseHeaders());
  context.finish();
  return { status: upstream.status, headers, body: bodyBytes };
}

export function respondWithStream(
  upstream: UpstreamReply,
  adapter: ProviderAdapter,
  context: ProxyRequestContext,
  injectedUsage: boolean,
  abortUpstream: () => void,
  clientGone: () => boolean,
): ProxyReply {
  context.streamed = true;
  const observer = adapter.createStreamObserver({ injectedUsage, contentType: upstream.headers.get("content-type") ?? "" });
  let cancelled = false;
  let ended = false;
  /** The stream's one ending, whichever way it comes (completed, client gone, upstream died). */
  const end = (outcome: "completed" | "client_aborted" | "upstream_error", message?: string) => {
    if (ended) return;
    ended = true;
    context.usage = observer.usage() ?? context.usage;
    context.outputText = observer.outputText();
    if (outcome !== "completed") {
      context.errorCode = outcome;
      context.errorMessage = message ?? null;
      // A cut-short stream's partial usage has the prompt (cache classes included)
      // but only a placeholder output count (Anthropic's message_start says 1):
      // bill what was delivered, estimated from the text, when that is more.
      const usage = context.usage;
      const delivered = Math.ceil(context.outputText.length / 4);
      if (usage && delivered > usage.outputTokens) {
        context.usage = { ...usage, outputTokens: delivered };
        context.estimated = true;
      }
    }
    context.finish();
  };

  async function* forwarded(): AsyncGenerator<Uint8Array> {
    try {
      try {
        for await (const chunk of upstream.body) {
          context.markFirstByte();
          // The observer may hold back a partial event: forward only what it releases.
          const released = observer.transform(chunk as Uint8Array);
          if (released.byteLength) yield released;
        }
      } catch (error) {
        if (cancelled || clientGone()) return; // our own abort of the upstream call: the client left
        // The upstream died after bytes reached the client: no failover is possible
        // any more, so end the stream the way the protocol reports errors.
        const message = `Upstream stream interrupted: ${(error as Error).message}`;
        const held = observer.flush();
        end("upstream_error", message);
        if (held.byteLength) yield held;
        yield adapter.streamErrorEvent(message);
        return;
      }
      const tail = observer.flush();
      if (!observer.completed()) {
        // A clean end without the protocol's ending ([DONE], message_stop, …): the upstream
        // cut the answer short. The client must not take the partial answer for a whole one.
        const message = "Upstream stream ended before its end marker: the answer is incomplete";
        end("upstream_error", message);
        if (tail.byteLength) yield tail;
        yield adapter.streamErrorEvent(message);
        return;
      }
      end("completed");
      if (tail.byteLength) yield tail;
    } finally {
      // Reached without an outcome only when the client left (the consumer stopped early).
      end("client_aborted", "The client disconnected before the stream ended");
    }
  }

  const body: StreamBody = {
    chunks: forwarded(),
    cancel() {
      if (cancelled) return;
      cancelled = true;
      abortUpstream();
      discardBody(upstream.body);
    },
  };
  const headers = clientResponseHeaders(upstream.headers);
  Object.assign(headers, context.responseHeaders());
  return { status: upstream.status, headers, body };
}
