// GET <base>/models for "Test connection" and GET /proxy/models. A listing is a
// convenience, so every failure (network, status, shape, timeout) is just null.
import { readModelIds } from "./openai-compatible-api";

export const LIST_MODELS_TIMEOUT_MS = 5_000;

/** Model ids from a `{data:[{id}]}` listing at `url`, or null when it cannot be read. */
export async function fetchModelIds(url: string, headers: Headers): Promise<string[] | null> {
  try {
    const response = await fetch(url, {
      method: "GET",
      headers,
      signal: AbortSignal.timeout(LIST_MODELS_TIMEOUT_MS),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    return readModelIds(await response.json());
  } catch {
    return null;
  }
}
