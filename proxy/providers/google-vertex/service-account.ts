// The provider's credentials: a service-account key file (as JSON text) plus
// optional project and location overrides.
import { DEFAULT_VERTEX_LOCATION } from "@/lib/providers/descriptors/google-vertex";
import { z } from "zod";

const serviceAccountSchema = z.object({
  client_email: z.string().min(1),
  private_key: z.string().min(1),
  private_key_id: z.string().nullish(),
  project_id: z.string().nullish(),
  token_uri: z.string().url().nullish(),
});

export type ServiceAccount = z.infer<typeof serviceAccountSchema> & { token_uri: string };

export interface VertexSettings {
  account: ServiceAccount;
  project: string;
  location: string;
}

export const GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

export { DEFAULT_VERTEX_LOCATION };

/** Reads the credentials; an error message instead when they cannot be used. */
export function readVertexSettings(
  credentials: Record<string, string | undefined>,
): VertexSettings | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(credentials.serviceAccountJson ?? "");
  } catch {
    return { error: "serviceAccountJson is missing or is not valid JSON" };
  }
  const parsed = serviceAccountSchema.safeParse(json);
  if (!parsed.success) return { error: "serviceAccountJson lacks client_email or private_key" };
  const account = { ...parsed.data, token_uri: parsed.data.token_uri || GOOGLE_TOKEN_URI };
  const project = credentials.projectId || account.project_id;
  if (!project) return { error: "no projectId given and serviceAccountJson has no project_id" };
  return { account, project, location: credentials.location || DEFAULT_VERTEX_LOCATION };
}
