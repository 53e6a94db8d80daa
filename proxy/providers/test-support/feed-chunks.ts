// Replays a recorded stream through a StreamObserver in different chunkings, so
// tests can prove that where the network splits bytes never changes the result.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { StreamObserver } from "../types";
import { concatBytes } from "../sse";

export function readFixtureBytes(directory: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(directory, "fixtures", name)));
}

export function readFixtureJson(directory: string, name: string): unknown {
  return JSON.parse(readFileSync(path.join(directory, "fixtures", name), "utf8")) as unknown;
}

/** A small deterministic random generator (mulberry32), so failures reproduce. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export type Chunking = "whole" | "byte-by-byte" | { seed: number };

export const CHUNKINGS: Chunking[] = ["whole", "byte-by-byte", { seed: 1 }, { seed: 7 }, { seed: 42 }, { seed: 2024 }];

export function chunkingName(chunking: Chunking): string {
  return typeof chunking === "string" ? chunking : `random splits (seed ${chunking.seed})`;
}

export function splitBytes(bytes: Uint8Array, chunking: Chunking): Uint8Array[] {
  if (chunking === "whole") return [bytes];
  if (chunking === "byte-by-byte") return Array.from(bytes, (_, index) => bytes.subarray(index, index + 1));
  const random = seededRandom(chunking.seed);
  const chunks: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const size = 1 + Math.floor(random() * 97);
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

/** Feeds every chunk, then flushes; returns what the client would have received. */
export function replay(observer: StreamObserver, chunks: Uint8Array[]): { forwarded: Uint8Array; perChunk: Uint8Array[] } {
  const perChunk = chunks.map((chunk) => observer.transform(chunk));
  perChunk.push(observer.flush());
  return { forwarded: concatBytes(perChunk), perChunk };
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
