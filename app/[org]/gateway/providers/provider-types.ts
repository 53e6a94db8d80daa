// What the "Add provider" form asks for each provider type of SPEC §2: its
// display name, default base URL, and the credential fields it needs.
import type { ProviderCredentials, ProviderType } from "@/lib/providers/schemas";

export type CredentialName = keyof ProviderCredentials;

export interface CredentialFieldSpec {
  name: CredentialName;
  label: string;
  /** Secrets are password inputs; JSON documents are text areas. */
  input: "text" | "password" | "textarea";
  required: boolean;
  placeholder?: string;
  hint?: string;
}

export interface ProviderTypeInfo {
  label: string;
  /** Shown as the Base URL placeholder; "" when the type has no default and needs one. */
  defaultBaseUrl: string;
  baseUrlRequired: boolean;
  baseUrlHint?: string;
  fields: CredentialFieldSpec[];
}

const apiKey = (required = true, hint?: string): CredentialFieldSpec => ({ name: "apiKey", label: "API key", input: "password", required, hint });

export const BEDROCK_KEY_FIELDS: CredentialFieldSpec[] = [
  { name: "accessKeyId", label: "Access key ID", input: "text", required: true, placeholder: "AKIA…" },
  { name: "secretAccessKey", label: "Secret access key", input: "password", required: true },
  { name: "sessionToken", label: "Session token", input: "password", required: false, hint: "Only for temporary credentials." },
];

export const BEDROCK_API_KEY_FIELDS: CredentialFieldSpec[] = [
  { name: "apiKey", label: "Bedrock API key", input: "password", required: true },
];

const BEDROCK_REGION: CredentialFieldSpec = { name: "region", label: "Region", input: "text", required: false, placeholder: "us-east-1" };

export const PROVIDER_TYPE_INFO: Record<ProviderType, ProviderTypeInfo> = {
  openai: { label: "OpenAI", defaultBaseUrl: "https://api.openai.com/v1", baseUrlRequired: false, fields: [apiKey()] },
  anthropic: { label: "Anthropic", defaultBaseUrl: "https://api.anthropic.com", baseUrlRequired: false, fields: [apiKey()] },
  google: { label: "Google Gemini API", defaultBaseUrl: "https://generativelanguage.googleapis.com", baseUrlRequired: false, fields: [apiKey()] },
  "google-vertex": {
    label: "Google Vertex AI",
    defaultBaseUrl: "https://us-central1-aiplatform.googleapis.com",
    baseUrlRequired: false,
    fields: [
      {
        name: "serviceAccountJson",
        label: "Service account JSON",
        input: "textarea",
        required: true,
        placeholder: '{"type": "service_account", "client_email": "…", "private_key": "…"}',
        hint: "The key file of a service account with the Vertex AI User role.",
      },
      { name: "projectId", label: "Project ID", input: "text", required: false, hint: "Defaults to project_id in the service account." },
      { name: "location", label: "Location", input: "text", required: false, placeholder: "us-central1" },
    ],
  },
  bedrock: {
    label: "Amazon Bedrock",
    defaultBaseUrl: "https://bedrock-runtime.<region>.amazonaws.com",
    baseUrlRequired: false,
    // The form switches between BEDROCK_KEY_FIELDS and BEDROCK_API_KEY_FIELDS; the region applies to both.
    fields: [BEDROCK_REGION],
  },
  azure: {
    label: "Azure AI Foundry",
    defaultBaseUrl: "",
    baseUrlRequired: true,
    baseUrlHint: "Your resource's OpenAI v1 endpoint, e.g. https://<resource>.openai.azure.com/openai/v1",
    fields: [apiKey()],
  },
  groq: { label: "Groq", defaultBaseUrl: "https://api.groq.com/openai/v1", baseUrlRequired: false, fields: [apiKey()] },
  mistral: { label: "Mistral", defaultBaseUrl: "https://api.mistral.ai/v1", baseUrlRequired: false, fields: [apiKey()] },
  huggingface: { label: "Hugging Face", defaultBaseUrl: "https://router.huggingface.co/v1", baseUrlRequired: false, fields: [apiKey()] },
  doubleword: { label: "Doubleword", defaultBaseUrl: "https://api.doubleword.ai/v1", baseUrlRequired: false, fields: [apiKey()] },
  ollama: {
    label: "Ollama",
    defaultBaseUrl: "http://localhost:11434/v1",
    baseUrlRequired: false,
    fields: [apiKey(false, "Only if your Ollama server sits behind an authenticating proxy.")],
  },
  "openai-compatible": {
    label: "OpenAI-compatible",
    defaultBaseUrl: "",
    baseUrlRequired: true,
    baseUrlHint: "The server's OpenAI-style base URL, e.g. https://llm.internal.example.com/v1",
    fields: [apiKey(false, "Sent as a Bearer token; leave empty for servers without authentication.")],
  },
};

export type BedrockAuth = "keys" | "api-key";

/** The credential fields the form shows for a type (Bedrock depends on the chosen authentication). */
export function credentialFieldsFor(type: ProviderType, bedrockAuth: BedrockAuth): CredentialFieldSpec[] {
  if (type !== "bedrock") return PROVIDER_TYPE_INFO[type].fields;
  return [...(bedrockAuth === "api-key" ? BEDROCK_API_KEY_FIELDS : BEDROCK_KEY_FIELDS), BEDROCK_REGION];
}
