// Which credentials each provider type needs, checked when a provider is saved
// so a misconfigured provider fails at the API, not on the first proxied call.
// The rules are the type's descriptor (lib/providers/descriptors/).
import { ApiError } from "../api/errors";
import { descriptorFor } from "./descriptors";
import type { ProviderCredentials, ProviderType } from "./schemas";

export function validateProviderConfig(type: ProviderType, baseUrl: string | null | undefined, credentials: ProviderCredentials): void {
  const descriptor = descriptorFor(type);
  if (descriptor.defaultBaseUrl === "" && !baseUrl) {
    throw new ApiError("invalid_body", `A ${type} provider needs baseUrl`, [{ path: ["baseUrl"], message: "required for this type" }]);
  }
  const result = descriptor.credentials.safeParse(credentials);
  if (result.success) return;
  // apiKey is a top-level field of the API; the others live under credentials.
  const issues = result.error.issues.map((issue) => ({
    path: issue.path[0] === "apiKey" ? ["apiKey"] : ["credentials", ...issue.path.map(String)],
    message: issue.message,
  }));
  const described = issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
  throw new ApiError("invalid_body", `A ${type} provider's credentials are incomplete: ${described}`, issues);
}

/** Names of the credential fields that are set, so the dashboard can say "set" without seeing them. */
export function credentialFieldNames(credentials: ProviderCredentials): string[] {
  return Object.entries(credentials)
    .filter(([, value]) => typeof value === "string" && value.length > 0)
    .map(([name]) => name);
}
