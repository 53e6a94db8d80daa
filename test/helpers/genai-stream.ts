// Reading answers of the @google/genai SDK in tests: it hands response headers
// over as a plain record on each answer (and on each chunk of a stream), and
// streams as async generators that may end in an ApiError.
import { expect } from "vitest";

interface GenaiAnswer {
  sdkHttpResponse?: { headers?: Record<string, string> };
}

interface GenaiChunk extends GenaiAnswer {
  text?: string;
  usageMetadata?: unknown;
}

export interface StreamRead {
  /** Each chunk's text, in order. */
  texts: string[];
  /** The first chunk's response headers. */
  headers: Headers;
  /** The last chunk's usageMetadata. */
  lastUsage: unknown;
}

/** The SDK hands response headers over as a plain record; Headers makes lookups case-blind. */
export function headersOf(answer: GenaiAnswer): Headers {
  expect(answer.sdkHttpResponse?.headers, "the SDK exposes the response headers").toBeDefined();
  return new Headers(answer.sdkHttpResponse!.headers);
}

async function readInto(stream: AsyncIterable<GenaiChunk>, read: { texts: string[]; headers: Headers | null; lastUsage: unknown }): Promise<void> {
  for await (const chunk of stream) {
    read.headers ??= headersOf(chunk);
    read.texts.push(chunk.text ?? "");
    read.lastUsage = chunk.usageMetadata;
  }
}

/** Reads a stream to its end. */
export async function collectStream(stream: AsyncIterable<GenaiChunk>): Promise<StreamRead> {
  const read = { texts: [] as string[], headers: null as Headers | null, lastUsage: undefined as unknown };
  await readInto(stream, read);
  return { ...read, headers: read.headers! };
}

/** Opens and reads a stream the upstream may cut short: what arrived before the end, and the error it ended with. */
export async function collectStreamUntilError(open: () => Promise<AsyncIterable<GenaiChunk>>): Promise<StreamRead & { failure: unknown }> {
  const read = { texts: [] as string[], headers: null as Headers | null, lastUsage: undefined as unknown };
  const failure = await (async () => readInto(await open(), read))().catch((error: unknown) => error);
  return { ...read, headers: read.headers!, failure };
}
