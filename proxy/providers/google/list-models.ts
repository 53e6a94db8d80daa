// GET v1beta/models, for the gateway's model list and "Test connection".
import { geminiModelListSchema } from "./gemini-api";

/** Methods that make a model usable through the gateway's Gemini routes. */
const servedMethods = new Set(["generateContent", "streamGenerateContent", "embedContent", "batchEmbedContents"]);
const maxPages = 5;

/** Model names without the "models/" prefix, or null when the upstream cannot be listed. */
export async function listGeminiModels(baseUrl: string, apiKey: string | undefined): Promise<string[] | null> {
  const names: string[] = [];
  let pageToken: string | undefined;
  try {
    for (let page = 0; page < maxPages; page++) {
      const url = new URL(`${baseUrl.replace(/\/+$/, "")}/v1beta/models`);
      url.searchParams.set("pageSize", "1000");
      if (pageToken) url.searchParams.set("pageToken", pageToken);
      const response = await fetch(url, {
        headers: apiKey ? { "x-goog-api-key": apiKey } : {},
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) return null;
      const parsed = geminiModelListSchema.safeParse(await response.json());
      if (!parsed.success) return null;
      for (const model of parsed.data.models ?? []) {
        const methods = model.supportedGenerationMethods;
        if (methods && !methods.some((method) => servedMethods.has(method))) continue;
        names.push(model.name.replace(/^models\//, ""));
      }
      pageToken = parsed.data.nextPageToken ?? undefined;
      if (!pageToken) break;
    }
    return names;
  } catch {
    return null;
  }
}
