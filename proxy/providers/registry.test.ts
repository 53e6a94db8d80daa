import { describe, expect, it } from "vitest";
import { descriptorFor } from "@/lib/providers/descriptors";
import { PROVIDER_TYPES, getAdapter } from "./registry";

describe("provider registry", () => {
  it("has an adapter for every provider type, each reporting its own type", () => {
    for (const type of PROVIDER_TYPES) expect(getAdapter(type)?.type).toBe(type);
  });

  it("takes each type's default base URL from its descriptor", () => {
    for (const type of PROVIDER_TYPES) expect(getAdapter(type)?.defaultBaseUrl, type).toBe(descriptorFor(type).defaultBaseUrl);
  });

  it("knows nothing of unknown types, including inherited property names", () => {
    expect(getAdapter("nope")).toBeUndefined();
    expect(getAdapter("toString")).toBeUndefined();
    expect(getAdapter("__proto__")).toBeUndefined();
  });

  it("gives the error shape each route speaks", () => {
    expect(getAdapter("anthropic")?.errorShape).toBe("anthropic");
    for (const type of ["openai", "azure", "groq", "mistral", "huggingface", "doubleword", "together", "ollama", "openai-compatible"]) {
      expect(getAdapter(type)?.errorShape).toBe("openai");
    }
  });

  it("answers errors in the wire family its descriptor names", () => {
    const shapeOfFamily = { openai: "openai", anthropic: "anthropic", google: "google", bedrock: "bedrock" } as const;
    for (const type of PROVIDER_TYPES) expect(getAdapter(type)?.errorShape, type).toBe(shapeOfFamily[descriptorFor(type).wireFamily]);
  });
});
