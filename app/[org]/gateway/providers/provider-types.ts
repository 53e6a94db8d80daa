// What the "Add provider" form asks for each provider type: read from the
// type's descriptor (lib/providers/descriptors/), the same one the API checks.
import { descriptorFor, PROVIDER_TYPES, type CredentialFieldSpec, type ProviderDescriptor } from "@/lib/providers/descriptors";
import type { ProviderCredentials, ProviderType } from "@/lib/providers/schemas";

export type CredentialName = keyof ProviderCredentials;
export type { CredentialFieldSpec };

export interface ProviderTypeInfo {
  label: string;
  /** Shown as the Base URL placeholder; "" when the type has no default and needs one. */
  defaultBaseUrl: string;
  baseUrlRequired: boolean;
  baseUrlHint?: string;
}

function typeInfo(descriptor: ProviderDescriptor): ProviderTypeInfo {
  return {
    label: descriptor.label,
    defaultBaseUrl: descriptor.baseUrlPlaceholder ?? descriptor.defaultBaseUrl,
    baseUrlRequired: descriptor.defaultBaseUrl === "",
    baseUrlHint: descriptor.baseUrlHint,
  };
}

export const PROVIDER_TYPE_INFO = Object.fromEntries(PROVIDER_TYPES.map((type) => [type, typeInfo(descriptorFor(type))])) as Record<ProviderType, ProviderTypeInfo>;

/** Bedrock's two ways to authenticate (its descriptor's credential schemes). */
export type BedrockAuth = "keys" | "api-key";

/** The credential fields the form shows for a type: the chosen scheme's when the type has several. */
export function credentialFieldsFor(type: ProviderType, scheme: BedrockAuth | string): CredentialFieldSpec[] {
  const schemes = descriptorFor(type).credentialSchemes;
  return (schemes.find((candidate) => candidate.id === scheme) ?? schemes[0]).fields;
}
