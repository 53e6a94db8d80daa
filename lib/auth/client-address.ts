// The caller's network address for throttling. Next fills x-forwarded-for with
// the socket address when no proxy sent one; behind a reverse proxy the
// right-most entry is the one that proxy appended, the only one a client
// cannot forge.
type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

export function clientAddress(headers: HeaderBag): string | null {
  const forwarded = readHeader(headers, "x-forwarded-for") ?? readHeader(headers, "x-real-ip");
  const entries = forwarded?.split(",").map((entry) => entry.trim()).filter(Boolean) ?? [];
  return entries.at(-1) ?? null;
}

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}
