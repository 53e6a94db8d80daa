// The in-stream error a Gemini client sees when the upstream dies mid-answer.
// Google itself ends a failing alt=sse stream with its bare JSON error body, not a
// `data:` event, and that is what @google/genai looks for: a network chunk that parses
// as `{"error":…}` makes it throw ApiError. A `data: {"error":…}` event would instead
// come through as an empty chunk and the truncated stream would end as if complete.
// Without a trailing blank line, even a chunk merged with earlier bytes leaves an
// unterminated segment the SDK refuses ("Incomplete JSON segment at the end").

export function geminiStreamErrorEvent(message: string): Uint8Array {
  const body = { error: { code: 500, message, status: "INTERNAL" } };
  return new TextEncoder().encode(`${JSON.stringify(body)}\n`);
}
