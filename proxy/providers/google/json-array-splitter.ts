// Splits a JSON array that arrives in pieces into its top-level elements, as text.
// Gemini's streamGenerateContent without alt=sse streams `[{…},\r\n{…}]` this way.
// A bare top-level object (not wrapped in an array) is treated as a one-element array.

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class JsonArraySplitter {
  /** Nesting depth at which elements start: 1 inside a top-level array, 0 for a bare object. */
  private elementDepth: number | null = null;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private element = "";
  private inElement = false;

  /** Feeds decoded text; returns the text of every element completed by it. */
  push(text: string): string[] {
    const elements: string[] = [];
    let segmentStart = this.inElement ? 0 : -1;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) this.inString = false;
        continue;
      }
      if (this.elementDepth === null) {
        if (code === OPEN_BRACKET) {
          this.elementDepth = 1;
          this.depth = 1;
          continue;
        }
        if (code !== OPEN_BRACE) continue; // whitespace or garbage before the document
        this.elementDepth = 0;
      }
      if (code === QUOTE) {
        this.inString = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (this.depth === this.elementDepth) {
          this.inElement = true;
          segmentStart = index;
        }
        this.depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.depth = Math.max(0, this.depth - 1);
        if (this.inElement && this.depth === this.elementDepth) {
          elements.push(this.element + text.slice(segmentStart, index + 1));
          this.element = "";
          this.inElement = false;
          segmentStart = -1;
        }
      }
    }
    if (this.inElement && segmentStart >= 0) this.element += text.slice(segmentStart);
    return elements;
  }
}
