// Replays a recorded stream through a StreamObserver cut in different ways
// (whole, byte by byte, at seeded random places), so tests can prove that where
// the network splits bytes never changes what the observer reads or forwards.
import type { StreamObserver } from "../types";
import { concatBytes } from "../shared/bytes";

/** A small deterministic random generator (mulberry32), so a failing split reproduces. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random chunks are 1 to `maxChunkBytes` long (97 unless given). */
export type Chunking = "whole" | "byte-by-byte" | { seed: number; maxChunkBytes?: number };

export const CHUNKINGS: Chunking[] = ["whole", "byte-by-byte", { seed: 1 }, { seed: 7 }, { seed: 42 }, { seed: 2024 }];

export function chunkingName(chunking: Chunking): string {
  return typeof chunking === "string" ? chunking : `random splits (seed ${chunking.seed})`;
}

export function splitBytes(bytes: Uint8Array, chunking: Chunking): Uint8Array[] {
  if (chunking === "whole") return [bytes];
  if (chunking === "byte-by-byte") return Array.from(bytes, (_, index) => bytes.subarray(index, index + 1));
  const random = seededRandom(chunking.seed);
  const maxChunkBytes = chunking.maxChunkBytes ?? 97;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const size = 1 + Math.floor(random() * maxChunkBytes);
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

/** The same bytes whole, byte by byte, and at random places for seeds 1 to 20, each with its name. */
export function namedSplits(bytes: Uint8Array, maxChunkBytes: number): Array<{ name: string; chunks: Uint8Array[] }> {
  const splits = [
    { name: "whole", chunks: splitBytes(bytes, "whole") },
    { name: "byte by byte", chunks: splitBytes(bytes, "byte-by-byte") },
  ];
  for (let seed = 1; seed <= 20; seed++) {
    splits.push({ name: `random split ${seed}`, chunks: splitBytes(bytes, { seed, maxChunkBytes }) });
  }
  return splits;
}

/** Feeds every chunk, then flushes; returns what the client would have received. */
export function replay(observer: StreamObserver, chunks: Uint8Array[]): { forwarded: Uint8Array; perChunk: Uint8Array[] } {
  const perChunk = chunks.map((chunk) => observer.transform(chunk));
  perChunk.push(observer.flush());
  return { forwarded: concatBytes(perChunk), perChunk };
}

/** Feeds a live response body chunk by chunk as the network delivered it, then flushes. */
export async function replayResponse(observer: StreamObserver, response: Response): Promise<void> {
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) observer.transform(chunk);
  observer.flush();
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
