// An incremental Server-Sent Events parser shared by every streaming adapter.
// It works on bytes rather than text so an observer can re-emit the exact bytes
// of each event (or drop one) without re-serialising anything the client sees.
//
// Usage:
//   const parser = new SseParser();
//   for (const event of parser.push(chunk)) { ...event.data, event.raw... }
//   ...when the upstream ends: for (const event of parser.end()) { ... }
//
// Every byte fed in ends up in exactly one event's `raw` (or is still pending),
// so concatenating the `raw` of all events returned by push() and end() gives
// back the original stream. Blocks without data (comments such as ": ping",
// keep-alive blank lines) are returned too, with data "".

import { concatBytes } from "./shared/bytes";

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const EMPTY = new Uint8Array(0);

export interface SseEvent {
  /** The `event:` field, when the event had one. */
  event?: string;
  /** The `data:` lines joined with "\n"; "" when the event had none. */
  data: string;
  /** The `id:` field, when the event had one. */
  id?: string;
  /**
   * The exact bytes of the event in the stream, including the blank line that
   * ends it. A view into the parser's buffer: copy it to keep it past the next push().
   */
  raw: Uint8Array;
}

export class SseParser {
  private readonly decoder = new TextDecoder("utf-8");
  /** Bytes of the event being received (not yet ended by a blank line). */
  private pending: Uint8Array = EMPTY;
  /** Where scanning resumes inside `pending`, and where its current line starts. */
  private scanPosition = 0;
  private lineStart = 0;
  private eventName: string | undefined;
  private eventId: string | undefined;
  private dataLines: string[] = [];

  /** Feed one chunk; returns the events it completed, in stream order. */
  push(chunk: Uint8Array): SseEvent[] {
    if (chunk.length === 0) return [];
    const buffer = this.pending.length === 0 ? chunk : concatBytes([this.pending, chunk]);
    const events: SseEvent[] = [];
    let eventStart = 0;
    let position = this.scanPosition;
    let lineStart = this.lineStart;

    while (position < buffer.length) {
      const byte = buffer[position];
      if (byte !== LINE_FEED && byte !== CARRIAGE_RETURN) {
        position++;
        continue;
      }
      let terminatorLength = 1;
      if (byte === CARRIAGE_RETURN) {
        // A trailing CR may be the first half of CRLF; wait for the next byte.
        if (position + 1 >= buffer.length) break;
        if (buffer[position + 1] === LINE_FEED) terminatorLength = 2;
      }
      const line = buffer.subarray(lineStart, position);
      position += terminatorLength;
      lineStart = position;
      if (line.length > 0) {
        this.readField(line);
        continue;
      }
      events.push(this.takeEvent(buffer.subarray(eventStart, position)));
      eventStart = position;
    }

    // Keep our own copy of the unfinished tail: the caller may reuse its chunk.
    this.pending = eventStart >= buffer.length ? EMPTY : buffer.slice(eventStart);
    this.scanPosition = position - eventStart;
    this.lineStart = lineStart - eventStart;
    return events;
  }

  /** Bytes received that do not yet form a complete event. */
  pendingBytes(): Uint8Array {
    return this.pending;
  }

  /**
   * Call when the stream ends: returns the trailing event that was never closed by
   * a blank line (as an event with whatever fields it had), or nothing.
   */
  end(): SseEvent[] {
    const buffer = this.pending;
    if (buffer.length === 0) return [];
    const line = buffer.subarray(this.lineStart, endOfLine(buffer, this.lineStart));
    if (line.length > 0) this.readField(line);
    const event = this.takeEvent(buffer);
    this.pending = EMPTY;
    this.scanPosition = 0;
    this.lineStart = 0;
    return [event];
  }

  private readField(line: Uint8Array): void {
    const text = this.decoder.decode(line);
    if (text.startsWith(":")) return; // a comment
    const colon = text.indexOf(":");
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.dataLines.push(value);
    else if (field === "event") this.eventName = value;
    else if (field === "id") this.eventId = value;
  }

  private takeEvent(raw: Uint8Array): SseEvent {
    const event: SseEvent = { data: this.dataLines.join("\n"), raw };
    if (this.eventName !== undefined) event.event = this.eventName;
    if (this.eventId !== undefined) event.id = this.eventId;
    this.eventName = undefined;
    this.eventId = undefined;
    this.dataLines = [];
    return event;
  }
}

/** The end of the line starting at `start` (a lone trailing CR or LF is not part of it). */
function endOfLine(buffer: Uint8Array, start: number): number {
  let position = start;
  while (position < buffer.length && buffer[position] !== LINE_FEED && buffer[position] !== CARRIAGE_RETURN) {
    position++;
  }
  return position;
}


/** Parses `data` as JSON, or returns undefined (for "[DONE]", keep-alives and garbage). */
export function parseEventJson(event: SseEvent): unknown {
  const data = event.data;
  if (data === "" || data === "[DONE]") return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}
