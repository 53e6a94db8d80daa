// Mistral's OpenAI-compatible API. Mistral rejects unknown fields such as
// stream_options (422 extra_forbidden) but always reports usage in the last
// stream chunk, so nothing is injected.
import { mistralDescriptor } from "@/lib/providers/descriptors/mistral";
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const mistralAdapter = createOpenAICompatibleAdapter({
  type: mistralDescriptor.type,
  defaultBaseUrl: mistralDescriptor.defaultBaseUrl,
  auth: "bearer",
  injectStreamUsage: false,
});
