// The engine behind a Web Request/Response edge, for hosts that mount it as a
// Next route handler (next dev; npm start serves /proxy/* through node-http.ts).
import { HeaderBag, isStreamBody, type ProxyIncoming, type ProxyReply } from "./exchange";
import type { ProxyEngine } from "./node-http";
import { readWebBody } from "./read-body";

export function fromWebRequest(request: Request): ProxyIncoming {
  const url = new URL(request.url);
  const values: Record<string, string> = {};
  request.headers.forEach((value, name) => (values[name] = value));
  return {
    method: request.method,
    target: url.pathname + url.search,
    headers: new HeaderBag(values),
    readBody: (maxBytes) => readWebBody(request, maxBytes),
    get clientGone() {
      return request.signal.aborted;
    },
    onClientGone(listener) {
      request.signal.addEventListener("abort", listener, { once: true });
      return () => request.signal.removeEventListener("abort", listener);
    },
  };
}

export function toWebResponse(reply: ProxyReply): Response {
  const { body } = reply;
  if (!isStreamBody(body)) return new Response(body as Uint8Array<ArrayBuffer> | null, { status: reply.status, headers: reply.headers });
  const iterator = body.chunks[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel() {
      body.cancel();
      void iterator.return?.();
    },
  });
  return new Response(stream, { status: reply.status, headers: reply.headers });
}

/** (Request) => Response around an engine. */
export function webHandler(engine: ProxyEngine): (request: Request) => Promise<Response> {
  return async (request) => toWebResponse(await engine(fromWebRequest(request)));
}
