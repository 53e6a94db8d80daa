import { describe, expect, it } from "vitest";
import type { KeyResponse } from "@/lib/keys/schemas";
import type { RouteSummary } from "@/lib/routes/operations";
import { NO_PICKS, resolveConnectChoice } from "./connect-selection";

const route = (slug: string, models: string[], type: RouteSummary["type"] = "openai"): RouteSummary => ({
  slug,
  name: slug,
  kind: "provider",
  type,
  providerTypes: type ? [type] : [],
  models,
  modelsSource: "provider",
});

const key = (id: string, project: string, status: KeyResponse["status"] = "active") =>
  ({ id, name: id, project, status, kind: "project" }) as KeyResponse;

const data = {
  routes: [route("openai", ["text-embedding-3-small", "gpt-4.1", "gpt-4o-mini"]), route("claude", ["claude-sonnet-4-5"], "anthropic")],
  projects: [{ slug: "apps" }, { slug: "default" }],
  keys: [key("newest", "default"), key("older", "default"), key("apps-key", "apps"), key("off", "default", "disabled")],
};
const noSecrets = () => false;

describe("resolveConnectChoice", () => {
  it("defaults to the first route, a chat model, the default project and its newest active key", () => {
    const choice = resolveConnectChoice(data, NO_PICKS, {}, noSecrets);
    expect(choice.route?.slug).toBe("openai");
    expect(choice.model).toBe("gpt-4o-mini");
    expect(choice.project).toBe("default");
    expect(choice.keys.map((candidate) => candidate.id)).toEqual(["newest", "older"]);
    expect(choice.key?.id).toBe("newest");
  });

  it("prefers a route whose provider listed its models", () => {
    const routes = [{ ...route("claude", ["claude-sonnet-4-5"], "anthropic"), modelsSource: "suggested" as const }, route("openai", ["gpt-4o-mini"])];
    expect(resolveConnectChoice({ ...data, routes }, NO_PICKS, {}, noSecrets).route?.slug).toBe("openai");
  });

  it("prefers a key whose secret this browser knows", () => {
    expect(resolveConnectChoice(data, NO_PICKS, {}, (id) => id === "older").key?.id).toBe("older");
  });

  it("preselects ?key= with its project, and ?route=&model=", () => {
    const choice = resolveConnectChoice(data, NO_PICKS, { key: "apps-key", route: "claude", model: "claude-opus-4-1" }, noSecrets);
    expect(choice).toMatchObject({ project: "apps", model: "claude-opus-4-1" });
    expect(choice.key?.id).toBe("apps-key");
    expect(choice.route?.slug).toBe("claude");
  });

  it("lets the user's picks win over the query, and keeps free-text models", () => {
    const choice = resolveConnectChoice(data, { route: "openai", model: "my-fine-tune", project: "default", key: null }, { key: "apps-key", route: "claude", model: "x" }, noSecrets);
    expect(choice).toMatchObject({ model: "my-fine-tune", project: "default" });
    expect(choice.route?.slug).toBe("openai");
    expect(choice.key?.id).toBe("newest");
  });

  it("handles an organization with nothing set up", () => {
    expect(resolveConnectChoice({ routes: [], projects: [], keys: [] }, NO_PICKS, { key: "gone" }, noSecrets)).toEqual({
      route: null,
      model: "",
      project: null,
      keys: [],
      key: null,
    });
  });
});

describe("the key an admin gets by default", () => {
  const personal = (id: string) => ({ id, name: id, project: "default", status: "active", kind: "personal", owner: "someone" }) as KeyResponse;

  it("is a project key, not another member's newer personal key, even when that one's secret is known here", () => {
    const keys = [personal("bobs-newest"), key("project-key", "default"), personal("alices")];
    const choice = resolveConnectChoice({ ...data, keys }, NO_PICKS, {}, (id) => id === "bobs-newest");
    expect(choice.key?.id).toBe("project-key");
    // A known project key wins over an unknown one; without any project key, a personal one is still offered.
    expect(resolveConnectChoice({ ...data, keys: [key("a", "default"), key("b", "default")] }, NO_PICKS, {}, (id) => id === "b").key?.id).toBe("b");
    expect(resolveConnectChoice({ ...data, keys: [personal("only")] }, NO_PICKS, {}, noSecrets).key?.id).toBe("only");
  });
});
