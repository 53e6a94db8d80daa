// Turning the upstream's answer into the client's: JSON bodies are read whole
// (to meter them and add x-gateway-cost-usd); streams pass through chunk by
// chunk while an observer reads usage on the side.
import { microsToUsd } from "@/lib/money";
import type { ProviderAdapter } from "./providers/types";
import { clientResponseHeaders } from "./request-headers";
import type { ProxyRequestContext } from "./request-context";

export async function respondWithJson(upstream: Response, adapter: ProviderAdapter, context: ProxyRequestContext): Promise<Response> {
  let bodyBytes: Uint8Array<ArrayBuffer>;
  try {
    bodyBytes = new Uint8Array(await upstream.arrayBuffer());
  } catch (error) {
    context.status = 502;
    context.errorCode = "upstream_unavailable";
    context.errorMessage = `Upstream closed the connection while sending its answer: ${(error as Error).message}`;
    throw error;
  }
  context.markFirstByte();
  const headers = clientResponseHeaders(upstream.headers);
  if (upstream.status < 400 && (upstream.headers.get("content-type") ?? "").includes("json")) {
    try {
      context.responseJson = JSON.parse(new TextDecoder().decode(bodyBytes)); // kept for telemetry's content capture
      context.usage = adapter.usageFromJson(context.responseJson);
    } catch {
      // Not JSON after all: forwarded untouched, metered as no usage.
    }
    headers.set("x-gateway-cost-usd", microsToUsd(context.priceUsage()).toFixed(6));
  } else if (upstream.status >= 400) {
    context.errorCode ??= "upstream_error";
    if (context.errorCode === "upstream_unavailable") headers.set("x-gateway-error-code", context.errorCode);
    context.errorMessage = new TextDecoder().decode(bodyBytes.slice(0, 500));
  }
  for (const [name, value] of Object.entries(context.responseHeaders())) headers.set(name, value);
  context.finish();
  return new Response(bodyBytes, { status: upstream.status, headers });
}

export function respondWithStream(
  upstream: Response,
  adapter: ProviderAdapter,
  context: ProxyRequestContext,
  injectedUsage: boolean,
  abortUpstream: () => void,
  clientGone: () => boolean,
): Response {
  context.streamed = true;
  const observer = adapter.createStreamObserver({ injectedUsage, contentType: upstream.headers.get("content-type") ?? "" });
  const reader = upstream.body!.getReader();
  const endStream = (outcome: "completed" | "client_aborted" | "upstream_error", message?: string) => {
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
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // A pull that enqueues nothing is not called again, so keep reading until
        // the observer releases bytes (it may hold back a partial event).
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            const tail = observer.flush();
            if (tail.byteLength) controller.enqueue(tail);
            controller.close();
            endStream("completed");
            return;
          }
          context.markFirstByte();
          const forwarded = observer.transform(value);
          if (forwarded.byteLength) {
            controller.enqueue(forwarded);
            return;
          }
        }
      } catch (error) {
        if (clientGone()) {
          // Our own abort of the upstream call, because the client left.
          endStream("client_aborted", "The client disconnected before the stream ended");
          return;
        }
        // The upstream died after bytes reached the client: no failover is possible
        // any more, so end the stream the way the protocol reports errors.
        const message = `Upstream stream interrupted: ${(error as Error).message}`;
        try {
          const held = observer.flush();
          if (held.byteLength) controller.enqueue(held);
          controller.enqueue(adapter.streamErrorEvent(message));
          controller.close();
        } catch {
          // The client is gone as well.
        }
        endStream("upstream_error", message);
      }
    },
    cancel() {
      abortUpstream();
      void reader.cancel().catch(() => {});
      endStream("client_aborted", "The client disconnected before the stream ended");
    },
  });
  const headers = clientResponseHeaders(upstream.headers);
  for (const [name, value] of Object.entries(context.responseHeaders())) headers.set(name, value);
  return new Response(stream, { status: upstream.status, headers });
}
