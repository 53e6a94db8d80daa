// The in-stream error a Gemini SSE client sees when the upstream dies mid-answer.
// Same body as Google's HTTP errors, so code that reads `error.status` keeps working.

export function geminiStreamErrorEvent(message: string): Uint8Array {
  const body = { error: { code: 500, message, status: "INTERNAL" } };
  return new TextEncoder().encode(`data: ${JSON.stringify(body)}\n\n`);
}
