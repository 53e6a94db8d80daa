// Amazon Bedrock: SigV4 access keys or a Bedrock API key; the region picks the endpoint.
import type { z } from "zod";
import { anyCredentials } from "./shared";
import type { CredentialFieldSpec, ProviderDescriptor } from "./types";

export const DEFAULT_BEDROCK_REGION = "us-east-1";

export function bedrockRuntimeOrigin(region: string): string {
  return `https://bedrock-runtime.${region}.amazonaws.com`;
}

const REGION: CredentialFieldSpec = { name: "region", label: "Region", input: "text", required: false, placeholder: DEFAULT_BEDROCK_REGION };

const bedrockCredentials = anyCredentials.superRefine((credentials: z.infer<typeof anyCredentials>, context) => {
  if (credentials.apiKey || (credentials.accessKeyId && credentials.secretAccessKey)) return;
  context.addIssue({ code: "custom", path: ["apiKey"], message: "needed: a Bedrock API key, or credentials.accessKeyId and credentials.secretAccessKey" });
});

export const bedrockDescriptor = {
  type: "bedrock",
  label: "Amazon Bedrock",
  defaultBaseUrl: bedrockRuntimeOrigin(DEFAULT_BEDROCK_REGION),
  baseUrlPlaceholder: "https://bedrock-runtime.<region>.amazonaws.com",
  wireFamily: "bedrock",
  catalogProviders: ["aws"],
  credentialSchemes: [
    {
      id: "keys",
      label: "Access keys",
      fields: [
        { name: "accessKeyId", label: "Access key ID", input: "text", required: true, placeholder: "AKIA…" },
        { name: "secretAccessKey", label: "Secret access key", input: "password", required: true },
        { name: "sessionToken", label: "Session token", input: "password", required: false, hint: "Only for temporary credentials." },
        REGION,
      ],
    },
    { id: "api-key", label: "Bedrock API key", fields: [{ name: "apiKey", label: "Bedrock API key", input: "password", required: true }, REGION] },
  ],
  credentials: bedrockCredentials,
  probeModel: "amazon.nova-micro-v1:0",
  popularModels: [
    "anthropic.claude-3-5-sonnet-20240620-v1:0",
    "anthropic.claude-3-haiku-20240307-v1:0",
    "amazon.nova-pro-v1:0",
    "amazon.nova-lite-v1:0",
    "meta.llama3-1-70b-instruct-v1:0",
  ],
} as const satisfies ProviderDescriptor;
