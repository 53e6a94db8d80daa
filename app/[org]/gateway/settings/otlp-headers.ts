// OTLP headers typed the OTEL_EXPORTER_OTLP_HEADERS way ("name=value,name2=value2"),
// read like the API reads them, for "Send test span" (which takes an object).
export function parseOtlpHeaders(text: string): { ok: true; headers: Record<string, string> } | { ok: false; error: string } {
  const headers: Record<string, string> = {};
  for (const pair of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const separator = pair.indexOf("=");
    if (separator <= 0) return { ok: false, error: 'Write headers as name=value, separated by commas' };
    try {
      headers[decodeURIComponent(pair.slice(0, separator).trim())] = decodeURIComponent(pair.slice(separator + 1).trim());
    } catch {
      return { ok: false, error: "A header has a broken %-escape" };
    }
  }
  return { ok: true, headers };
}
