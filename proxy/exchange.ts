// The engine's own request and reply types. The engine used to speak Web
// Request/Response, but building those for every call (Headers, URL, web
// streams, AbortSignals) cost more CPU than the engine itself: node:http is
// now bridged to these plain objects directly (proxy/node-http.ts), and the
// Next route handler converts at its edge (proxy/web-bridge.ts).

/** Read-only request headers, lower-case names, as node:http keeps them. */
export class HeaderBag {
  constructor(private readonly values: Record<string, string | string[] | undefined>) {}

  get(name: string): string | null {
    const value = this.values[name];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  /** Every header, repeated ones once per value; HTTP/2 pseudo-headers (:path…) left out. */
  *entries(): IterableIterator<[string, string]> {
    for (const name in this.values) {
      const value = this.values[name];
      if (value === undefined || name.charCodeAt(0) === 58 /* ":" */) continue;
      if (Array.isArray(value)) for (const item of value) yield [name, item];
      else yield [name, value];
    }
  }
}

/** What the engine needs of an incoming call, whichever server received it. */
export interface ProxyIncoming {
  method: string;
  /** Path and query as the client sent them, e.g. "/proxy/openai/chat/completions?x=1". */
  target: string;
  headers: HeaderBag;
  /** The whole body, or null when there is none; throws request_too_large past maxBytes. */
  readBody(maxBytes: number): Promise<Uint8Array | null>;
  /** True once the client has gone away. */
  readonly clientGone: boolean;
  /** Calls listener when the client goes away; returns the unsubscribe function. */
  onClientGone(listener: () => void): () => void;
}

/** A streamed reply: chunks forwarded as they come, cancel() when the client leaves. */
export interface StreamBody {
  chunks: AsyncIterable<Uint8Array>;
  cancel(): void;
}

export interface ProxyReply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | StreamBody | null;
}

export function isStreamBody(body: ProxyReply["body"]): body is StreamBody {
  return body !== null && !(body instanceof Uint8Array);
}

const encoder = new TextEncoder();

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): ProxyReply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: encoder.encode(JSON.stringify(value)) };
}
