// Built-in providers: credentials held by the operator in the environment
// (GATEWAY_BUILTIN_<SLUG>_API_KEY), usage drawn from each organization's
// prepaid balance. An organization activates one by PATCHing enabled=true,
// which stores a Provider row of kind "built-in" without credentials.
import { BUILTIN_PROVIDER_SLUGS, env, type BuiltinProviderSlug } from "../env";
import type { ProviderType } from "./schemas";

export interface BuiltinProviderDefinition {
  slug: BuiltinProviderSlug;
  name: string;
  type: ProviderType;
  apiKey: string;
  baseUrl?: string;
}

const DISPLAY_NAMES: Record<BuiltinProviderSlug, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Google Gemini",
  groq: "Groq",
  mistral: "Mistral",
};

/** The built-in providers this server offers: those whose API key is configured. */
export function builtinProviders(): BuiltinProviderDefinition[] {
  const values = env() as unknown as Record<string, string | undefined>;
  return BUILTIN_PROVIDER_SLUGS.flatMap((slug) => {
    const apiKey = values[`GATEWAY_BUILTIN_${slug.toUpperCase()}_API_KEY`];
    if (!apiKey) return [];
    const baseUrl = values[`GATEWAY_BUILTIN_${slug.toUpperCase()}_BASE_URL`];
    return [{ slug, name: DISPLAY_NAMES[slug], type: slug, apiKey, baseUrl }];
  });
}

export function findBuiltinProvider(slug: string): BuiltinProviderDefinition | undefined {
  return builtinProviders().find((provider) => provider.slug === slug);
}
