import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/errors";
import { validateProviderConfig } from "../credentials";
import { descriptorFor, descriptorOf, PROVIDER_TYPES } from ".";

const SERVICE_ACCOUNT = JSON.stringify({ client_email: "a@b.iam.gserviceaccount.com", private_key: "-----BEGIN PRIVATE KEY-----", project_id: "p" });

function issuesOf(run: () => void): Array<{ path: string[]; message: string }> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).issues as Array<{ path: string[]; message: string }>;
  }
  return [];
}

describe("provider descriptors", () => {
  it("describe every type once, each with a label, a wire family and at least one way to authenticate", () => {
    expect(new Set(PROVIDER_TYPES).size).toBe(PROVIDER_TYPES.length);
    for (const type of PROVIDER_TYPES) {
      const descriptor = descriptorFor(type);
      expect(descriptor.type).toBe(type);
      expect(descriptor.label.length).toBeGreaterThan(0);
      expect(descriptor.credentialSchemes.length).toBeGreaterThan(0);
    }
    expect(descriptorOf("nope")).toBeUndefined();
  });

  it("make the API require a base URL exactly where the type has no default", () => {
    for (const type of PROVIDER_TYPES) {
      const needsBaseUrl = descriptorFor(type).defaultBaseUrl === "";
      const issues = issuesOf(() => validateProviderConfig(type, undefined, { apiKey: "k", serviceAccountJson: SERVICE_ACCOUNT }));
      expect(issues.some((issue) => issue.path[0] === "baseUrl"), type).toBe(needsBaseUrl);
    }
  });

  it("check each type's credentials with its own rules, naming the field to fix", () => {
    expect(issuesOf(() => validateProviderConfig("openai", undefined, {}))).toEqual([{ path: ["apiKey"], message: "required for this type" }]);
    expect(issuesOf(() => validateProviderConfig("together", undefined, {}))[0].path).toEqual(["apiKey"]);
    expect(issuesOf(() => validateProviderConfig("ollama", undefined, {}))).toEqual([]);
    expect(issuesOf(() => validateProviderConfig("bedrock", undefined, { accessKeyId: "AKIA" }))[0].path).toEqual(["apiKey"]);
    expect(issuesOf(() => validateProviderConfig("bedrock", undefined, { accessKeyId: "AKIA", secretAccessKey: "s" }))).toEqual([]);
    expect(issuesOf(() => validateProviderConfig("google-vertex", undefined, { serviceAccountJson: "{not json" }))).toEqual([
      { path: ["credentials", "serviceAccountJson"], message: "is not valid JSON" },
    ]);
    const noProject = JSON.stringify({ client_email: "a@b", private_key: "k" });
    expect(issuesOf(() => validateProviderConfig("google-vertex", undefined, { serviceAccountJson: noProject }))[0].path).toEqual(["credentials", "projectId"]);
    expect(issuesOf(() => validateProviderConfig("google-vertex", undefined, { serviceAccountJson: SERVICE_ACCOUNT }))).toEqual([]);
  });
});
