// Rewrites the Gemini paths a client sends into Vertex AI publisher paths for the
// provider's own project and location (the client's project, if any, means nothing here).
import { parseGeminiPath } from "../google/gemini-path";

export interface VertexLocation {
  project: string;
  location: string;
}

/** https://{location}-aiplatform.googleapis.com, or the global endpoint's host. */
export function vertexOrigin(location: string): string {
  return location === "global"
    ? "https://aiplatform.googleapis.com"
    : `https://${location}-aiplatform.googleapis.com`;
}

const projectPathPattern = /^(?<version>v\d+[a-z0-9]*)\/projects\/[^/]+\/locations\/[^/]+(?<rest>\/.*)?$/;

/** The upstream path (no leading slash) for a client path. */
export function vertexUpstreamPath(path: string, target: VertexLocation): string {
  const clean = path.replace(/^\/+/, "");
  const parsed = parseGeminiPath(clean);
  const projectPrefix = `projects/${target.project}/locations/${target.location}`;
  if (parsed?.collection === "models") {
    const publisher = /publishers\/([^/]+)\//.exec(parsed.prefix)?.[1] ?? "google";
    if (parsed.model && parsed.method) {
      // Vertex has no v1beta; its preview surface is v1beta1.
      const version = parsed.version === "v1beta1" ? "v1beta1" : "v1";
      return `${version}/${projectPrefix}/publishers/${publisher}/models/${parsed.model}:${parsed.method}`;
    }
    // Listing and describing publisher models is only offered on v1beta1, outside any project.
    return `v1beta1/publishers/${publisher}/models${parsed.model ? `/${parsed.model}` : ""}`;
  }
  const projectPath = projectPathPattern.exec(clean);
  if (projectPath?.groups) {
    return `${projectPath.groups.version}/${projectPrefix}${projectPath.groups.rest ?? ""}`;
  }
  return clean;
}
