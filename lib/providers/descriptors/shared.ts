// Pieces several descriptors share.
import { z } from "zod";
import type { CredentialFieldSpec, CredentialScheme } from "./types";

export const apiKeyField = (required = true, hint?: string): CredentialFieldSpec => ({ name: "apiKey", label: "API key", input: "password", required, hint });

/** One scheme: an API key. */
export const apiKeyScheme = (required = true, hint?: string): CredentialScheme[] => [{ id: "api-key", label: "API key", fields: [apiKeyField(required, hint)] }];

const text = z.string().min(1);

/** Every credential name the API accepts; each type's schema narrows what is required. */
export const anyCredentials = z.object({
  apiKey: text.optional(),
  serviceAccountJson: text.optional(),
  projectId: text.optional(),
  location: text.optional(),
  accessKeyId: text.optional(),
  secretAccessKey: text.optional(),
  sessionToken: text.optional(),
  region: text.optional(),
});

/** A provider that cannot work without its API key. */
export const apiKeyRequired = anyCredentials.extend({ apiKey: z.string({ message: "required for this type" }).min(1, "required for this type") });

/** The Anthropic wire format's version header, sent when the client sends none. */
export const ANTHROPIC_VERSION = "2023-06-01";
