// Which credentials each provider type needs, checked when a provider is saved
// so a misconfigured provider fails at the API, not on the first proxied call.
import { ApiError } from "../api/errors";
import type { ProviderCredentials, ProviderType } from "./schemas";

const NEEDS_BASE_URL: ProviderType[] = ["azure", "openai-compatible"];
const API_KEY_OPTIONAL: ProviderType[] = ["ollama", "openai-compatible", "bedrock", "google-vertex"];

export function validateProviderConfig(type: ProviderType, baseUrl: string | null | undefined, credentials: ProviderCredentials): void {
  if (NEEDS_BASE_URL.includes(type) && !baseUrl) {
    throw new ApiError("invalid_body", `A ${type} provider needs baseUrl`, [{ path: ["baseUrl"], message: "required for this type" }]);
  }
  if (type === "google-vertex") return validateVertex(credentials);
  if (type === "bedrock") return validateBedrock(credentials);
  if (!API_KEY_OPTIONAL.includes(type) && !credentials.apiKey) {
    throw new ApiError("invalid_body", `A ${type} provider needs apiKey`, [{ path: ["apiKey"], message: "required for this type" }]);
  }
}

function validateVertex(credentials: ProviderCredentials): void {
  if (!credentials.serviceAccountJson) {
    throw new ApiError("invalid_body", "A google-vertex provider needs credentials.serviceAccountJson", [
      { path: ["credentials", "serviceAccountJson"], message: "required for this type" },
    ]);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(credentials.serviceAccountJson) as Record<string, unknown>;
  } catch {
    throw new ApiError("invalid_body", "credentials.serviceAccountJson is not valid JSON");
  }
  for (const field of ["client_email", "private_key"]) {
    if (typeof parsed[field] !== "string") {
      throw new ApiError("invalid_body", `credentials.serviceAccountJson lacks ${field}`);
    }
  }
  if (!credentials.projectId && typeof parsed.project_id !== "string") {
    throw new ApiError("invalid_body", "A google-vertex provider needs credentials.projectId or project_id in the service account");
  }
}

function validateBedrock(credentials: ProviderCredentials): void {
  const hasKeys = credentials.accessKeyId && credentials.secretAccessKey;
  if (!credentials.apiKey && !hasKeys) {
    throw new ApiError("invalid_body", "A bedrock provider needs apiKey (a Bedrock API key) or credentials.accessKeyId and credentials.secretAccessKey");
  }
}

/** Names of the credential fields that are set, so the dashboard can say "set" without seeing them. */
export function credentialFieldNames(credentials: ProviderCredentials): string[] {
  return Object.entries(credentials)
    .filter(([, value]) => typeof value === "string" && value.length > 0)
    .map(([name]) => name);
}
