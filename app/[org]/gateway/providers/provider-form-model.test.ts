import { describe, expect, it } from "vitest";
import type { ProviderResponse } from "@/lib/providers/schemas";
import { buildCreateBody, buildUpdateBody, emptyProviderForm, formFromProvider } from "./provider-form-model";

const stored: ProviderResponse = {
  id: "p1",
  slug: "vertex",
  name: "Vertex",
  type: "google-vertex",
  kind: "byok",
  baseUrl: null,
  requirePricing: false,
  reserveOutputTokens: 2048,
  enabled: true,
  hasCredentials: true,
  credentialFields: ["serviceAccountJson", "projectId"],
  prices: [{ model: "gemini-2.0-flash", inputPerMillion: 0.1, outputPerMillion: 0.4 }],
  fallbackPrice: null,
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("buildCreateBody", () => {
  it("sends the API key at the top level, other credentials under credentials, and numeric prices", () => {
    const values = {
      ...emptyProviderForm("openai-compatible"),
      slug: "local-llm",
      name: "Local LLM",
      baseUrl: "http://127.0.0.1:8080/v1",
      credentials: { apiKey: " sk-local " },
      prices: [
        { model: "llama-3", inputPerMillion: "0.5", outputPerMillion: "1.25" },
        { model: "", inputPerMillion: "", outputPerMillion: "" },
      ],
      requirePricing: true,
      reserveOutputTokens: "1024",
    };
    expect(buildCreateBody(values)).toEqual({
      ok: true,
      body: {
        slug: "local-llm",
        type: "openai-compatible",
        name: "Local LLM",
        baseUrl: "http://127.0.0.1:8080/v1",
        apiKey: "sk-local",
        prices: [{ model: "llama-3", inputPerMillion: 0.5, outputPerMillion: 1.25 }],
        requirePricing: true,
        reserveOutputTokens: 1024,
      },
    });
  });

  it("names every field to fix", () => {
    const result = buildCreateBody({
      ...emptyProviderForm("azure"),
      slug: "Bad Slug",
      prices: [
        { model: "a", inputPerMillion: "-1", outputPerMillion: "2" },
        { model: "a", inputPerMillion: "1", outputPerMillion: "" },
      ],
      reserveOutputTokens: "1.5",
    });
    expect(result.ok).toBe(false);
    expect(Object.keys(!result.ok ? result.errors : {}).sort()).toEqual([
      "baseUrl",
      "credentials.apiKey",
      "prices.0.inputPerMillion",
      "prices.1.model",
      "prices.1.outputPerMillion",
      "reserveOutputTokens",
      "slug",
    ]);
  });

  it("asks Bedrock for access keys or a Bedrock API key, whichever was chosen", () => {
    const keys = buildCreateBody({ ...emptyProviderForm("bedrock"), slug: "aws", credentials: { accessKeyId: "AKIA1", secretAccessKey: "s", region: "eu-west-1" } });
    expect(keys).toMatchObject({ ok: true, body: { credentials: { accessKeyId: "AKIA1", secretAccessKey: "s", region: "eu-west-1" } } });
    expect(keys.ok && "apiKey" in keys.body).toBe(false);

    const apiKey = buildCreateBody({ ...emptyProviderForm("bedrock"), slug: "aws", bedrockAuth: "api-key", credentials: { apiKey: "bedrock-key", accessKeyId: "ignored" } });
    expect(apiKey).toMatchObject({ ok: true, body: { apiKey: "bedrock-key" } });
    expect(apiKey.ok && apiKey.body.credentials).toBeUndefined();

    const missing = buildCreateBody({ ...emptyProviderForm("bedrock"), slug: "aws" });
    expect(!missing.ok && Object.keys(missing.errors)).toEqual(["credentials.accessKeyId", "credentials.secretAccessKey"]);
  });

  it("checks that a service account is JSON", () => {
    const result = buildCreateBody({ ...emptyProviderForm("google-vertex"), slug: "v", credentials: { serviceAccountJson: "{nope" } });
    expect(!result.ok && result.errors["credentials.serviceAccountJson"]).toBe("This is not valid JSON");
  });
});

describe("editing", () => {
  it("fills the form from a provider without any credential", () => {
    const values = formFromProvider(stored);
    expect(values.credentials).toEqual({});
    expect(values.prices).toEqual([{ model: "gemini-2.0-flash", inputPerMillion: "0.1", outputPerMillion: "0.4" }]);
    expect(values.reserveOutputTokens).toBe("2048");
  });

  it("keeps stored credentials when their fields stay empty, and sends only what was retyped", () => {
    const unchanged = buildUpdateBody(formFromProvider(stored), stored);
    expect(unchanged).toEqual({
      ok: true,
      body: {
        name: "Vertex",
        baseUrl: null,
        prices: [{ model: "gemini-2.0-flash", inputPerMillion: 0.1, outputPerMillion: 0.4 }],
        requirePricing: false,
        reserveOutputTokens: 2048,
      },
    });
    const retyped = buildUpdateBody({ ...formFromProvider(stored), credentials: { location: "europe-west4" } }, stored);
    expect(retyped).toMatchObject({ ok: true, body: { credentials: { location: "europe-west4" } } });
  });

  it("round-trips the rates per token class and the fallback price, and clears a fallback price left blank", () => {
    const priced: ProviderResponse = {
      ...stored,
      prices: [{ model: "house", inputPerMillion: 1, outputPerMillion: 5, cacheReadPerMillion: 0.1, cacheWrite1hPerMillion: 2, reasoningPerMillion: null, perMinute: 0.006 }],
      fallbackPrice: { inputPerMillion: 3, outputPerMillion: 15 },
    };
    const values = formFromProvider(priced);
    expect(values.prices[0]).toEqual({ model: "house", inputPerMillion: "1", outputPerMillion: "5", cacheReadPerMillion: "0.1", cacheWrite1hPerMillion: "2", perMinute: "0.006" });
    const body = buildUpdateBody(values, priced);
    expect(body).toMatchObject({
      ok: true,
      body: {
        prices: [{ model: "house", inputPerMillion: 1, outputPerMillion: 5, cacheReadPerMillion: 0.1, cacheWrite1hPerMillion: 2, perMinute: 0.006 }],
        fallbackPrice: { inputPerMillion: 3, outputPerMillion: 15 },
      },
    });
    const cleared = buildUpdateBody({ ...values, fallbackInputPerMillion: "", fallbackOutputPerMillion: "" }, priced);
    expect(cleared).toMatchObject({ ok: true, body: { fallbackPrice: null } });
    const invalid = buildUpdateBody({ ...values, prices: [{ ...values.prices[0], reasoningPerMillion: "-2" }], fallbackOutputPerMillion: "" }, priced);
    expect(!invalid.ok && Object.keys(invalid.errors).sort()).toEqual(["fallbackOutputPerMillion", "prices.0.reasoningPerMillion"]);
  });

  it("still requires a credential that was never stored", () => {
    const result = buildUpdateBody(formFromProvider({ ...stored, credentialFields: [] }), { ...stored, credentialFields: [] });
    expect(!result.ok && Object.keys(result.errors)).toEqual(["credentials.serviceAccountJson"]);
  });
});
