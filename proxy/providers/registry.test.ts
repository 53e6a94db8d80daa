import { describe, expect, it } from "vitest";
import { PROVIDER_TYPES, getAdapter } from "./registry";

describe("provider registry", () => {
  it("has an adapter for every provider type, each reporting its own type", () => {
    for (const type of PROVIDER_TYPES) expect(getAdapter(type)?.type).toBe(type);
  });

  it("knows nothing of unknown types, including inherited property names", () => {
    expect(getAdapter("nope")).toBeUndefined();
    expect(getAdapter("toString")).toBeUndefined();
    expect(getAdapter("__proto__")).toBeUndefined();
  });

  it("gives the error shape each route speaks", () => {
    expect(getAdapter("anthropic")?.errorShape).toBe("anthropic");
    for (const type of ["openai", "azure", "groq", "mistral", "huggingface", "doubleword", "ollama", "openai-compatible"]) {
      expect(getAdapter(type)?.errorShape).toBe("openai");
    }
  });
});
