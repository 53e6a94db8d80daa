// What the gateway knows about one provider type, in one place: the management
// API validates with it, the dashboard's form and Connect render from it, the
// pricing catalog and the test-connection probe read it, and the proxy's
// adapter takes its default base URL from it. Adding a type is one adapter
// folder under proxy/providers/ and one descriptor here.
import type { z } from "zod";

export type WireFamily = "openai" | "anthropic" | "google" | "bedrock";

export interface CredentialFieldSpec {
  name: "apiKey" | "serviceAccountJson" | "projectId" | "location" | "accessKeyId" | "secretAccessKey" | "sessionToken" | "region";
  label: string;
  /** Secrets are password inputs; JSON documents are text areas. */
  input: "text" | "password" | "textarea";
  required: boolean;
  placeholder?: string;
  hint?: string;
}

/** One way to authenticate: the form shows its fields, the API checks them with its schema. */
export interface CredentialScheme {
  id: string;
  label: string;
  fields: CredentialFieldSpec[];
}

export interface ProviderDescriptor<Type extends string = string> {
  type: Type;
  label: string;
  /** The base URL the adapter uses when the provider sets none; "" when the type has none. */
  defaultBaseUrl: string;
  /** Shown in the form instead of defaultBaseUrl when the real default depends on other fields (a region). */
  baseUrlPlaceholder?: string;
  baseUrlHint?: string;
  /** The wire format clients speak to a route of this type (SDKs, paths, Playground). */
  wireFamily: WireFamily;
  /** @pydantic/genai-prices provider ids to try in order; null lets genai-prices pick from the model name. */
  catalogProviders: Array<string | null>;
  /** Ways to authenticate; the form offers a choice when there are several (Bedrock). */
  credentialSchemes: CredentialScheme[];
  /**
   * The stored credentials' rules, checked by the API on save: an issue's path names
   * the field (`apiKey`, `credentials.serviceAccountJson`) and its message says what to fix.
   */
  credentials: z.ZodType;
  /** Well-known model ids, suggested when the provider cannot list its models (Bedrock has no list endpoint). */
  popularModels: readonly string[];
  /** A cheap model for the one-token test request when the provider has no priced model. */
  probeModel?: string;
}
