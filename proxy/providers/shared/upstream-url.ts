// One upstream URL join for every provider type: the client's path must never
// climb out of the provider's base path while carrying its credentials.

/**
 * Base URL + path + query with exactly one slash between base and path. Query
 * parameters already on the base URL are kept. Dot segments (`.`, `..`, and
 * their %2e spellings) are removed.
 */
export function joinUpstreamUrl(baseUrl: string, path: string, search: string): string {
  const queryStart = baseUrl.indexOf("?");
  const base = (queryStart === -1 ? baseUrl : baseUrl.slice(0, queryStart)).replace(/\/+$/, "");
  const baseQuery = queryStart === -1 ? "" : baseUrl.slice(queryStart + 1);
  const safePath = path
    .split("/")
    .filter((segment) => !isDotSegment(segment))
    .join("/")
    .replace(/^\/+/, "");
  const url = safePath === "" ? base : `${base}/${safePath}`;
  const query = [baseQuery, search.replace(/^\?/, "")].filter((part) => part !== "").join("&");
  return query === "" ? url : `${url}?${query}`;
}

function isDotSegment(segment: string): boolean {
  const decoded = segment.replace(/%2e/gi, ".");
  return decoded === "." || decoded === "..";
}
