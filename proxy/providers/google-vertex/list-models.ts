// Vertex lists Google's publisher models (Model Garden) on v1beta1, outside any project.
import { z } from "zod";

const publisherModelListSchema = z.object({
  publisherModels: z.array(z.object({ name: z.string() })).nullish(),
  nextPageToken: z.string().nullish(),
});

const maxPages = 5;

/** Model ids such as "gemini-2.5-flash", or null when the upstream cannot be listed. */
export async function listVertexModels(origin: string, token: string, project: string): Promise<string[] | null> {
  const names: string[] = [];
  let pageToken: string | undefined;
  try {
    for (let page = 0; page < maxPages; page++) {
      const url = new URL(`${origin.replace(/\/+$/, "")}/v1beta1/publishers/google/models`);
      url.searchParams.set("pageSize", "1000");
      if (pageToken) url.searchParams.set("pageToken", pageToken);
      const response = await fetch(url, {
        // Publisher listing bills quota to a project, named by this header.
        headers: { authorization: `Bearer ${token}`, "x-goog-user-project": project },
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) return null;
      const parsed = publisherModelListSchema.safeParse(await response.json());
      if (!parsed.success) return null;
      for (const model of parsed.data.publisherModels ?? []) {
        names.push(model.name.replace(/^.*\/models\//, ""));
      }
      pageToken = parsed.data.nextPageToken ?? undefined;
      if (!pageToken) break;
    }
    return names;
  } catch {
    return null;
  }
}
