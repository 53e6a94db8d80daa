// Vertex AI: a service account's key file; the project may come from the file.
import { z } from "zod";
import { anyCredentials } from "./shared";
import type { ProviderDescriptor } from "./types";

export const DEFAULT_VERTEX_LOCATION = "us-central1";

const serviceAccountCredentials = anyCredentials
  .extend({ serviceAccountJson: z.string({ message: "required for this type" }).min(2, "required for this type") })
  .superRefine((credentials, context) => {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(credentials.serviceAccountJson) as Record<string, unknown>;
    } catch {
      context.addIssue({ code: "custom", path: ["serviceAccountJson"], message: "is not valid JSON" });
      return;
    }
    for (const field of ["client_email", "private_key"]) {
      if (typeof parsed[field] !== "string") context.addIssue({ code: "custom", path: ["serviceAccountJson"], message: `lacks ${field}` });
    }
    if (!credentials.projectId && typeof parsed.project_id !== "string") {
      context.addIssue({ code: "custom", path: ["projectId"], message: "needed: the service account has no project_id" });
    }
  });

export const googleVertexDescriptor = {
  type: "google-vertex",
  label: "Google Vertex AI",
  defaultBaseUrl: `https://${DEFAULT_VERTEX_LOCATION}-aiplatform.googleapis.com`,
  wireFamily: "google",
  // Vertex serves Anthropic's models too (publishers/anthropic); genai-prices lists most under google.
  catalogProviders: ["google", "anthropic"],
  credentialSchemes: [
    {
      id: "service-account",
      label: "Service account",
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
        { name: "location", label: "Location", input: "text", required: false, placeholder: DEFAULT_VERTEX_LOCATION },
      ],
    },
  ],
  credentials: serviceAccountCredentials,
  probeModel: "gemini-2.0-flash",
  popularModels: ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash"],
} as const satisfies ProviderDescriptor;
