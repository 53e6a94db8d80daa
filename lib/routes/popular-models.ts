// Well-known model ids per provider type (each descriptor's), offered as
// suggestions when a provider cannot list its models (offline, slow, or a type
// without a list endpoint such as Bedrock). Any other model id the upstream serves still works.
import { descriptorOf } from "../providers/descriptors";

export function popularModels(type: string): readonly string[] {
  return descriptorOf(type)?.popularModels ?? [];
}
