// Joins a base URL and a client path without doubling or dropping slashes.

export function joinUpstreamUrl(baseUrl: string, path: string, search: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}${search}`;
}
