import { describe, expect, it } from "vitest";
import { buildGroupBody, emptyGroupForm, formFromGroup, memberNumbers } from "./group-form-model";

describe("buildGroupBody", () => {
  it("turns the typed rows into numbers", () => {
    const result = buildGroupBody({
      slug: "fast",
      name: " Fast lane ",
      members: [
        { provider: "openai", priority: "10", weight: "3" },
        { provider: "backup", priority: "0", weight: "0.5" },
      ],
    });
    expect(result).toEqual({
      ok: true,
      body: {
        slug: "fast",
        name: "Fast lane",
        members: [
          { provider: "openai", priority: 10, weight: 3 },
          { provider: "backup", priority: 0, weight: 0.5 },
        ],
      },
    });
  });

  it("names what to fix: slug, missing or repeated provider, bad priority and weight", () => {
    const result = buildGroupBody({
      slug: "Not OK",
      name: "",
      members: [
        { provider: "", priority: "1.5", weight: "1" },
        { provider: "a", priority: "0", weight: "-1" },
        { provider: "a", priority: "", weight: "" },
      ],
    });
    expect(result.ok).toBe(false);
    expect(Object.keys(!result.ok ? result.errors : {}).sort()).toEqual([
      "members.0.priority",
      "members.0.provider",
      "members.1.weight",
      "members.2.priority",
      "members.2.provider",
      "members.2.weight",
      "slug",
    ]);
    expect(buildGroupBody({ slug: "x", name: "", members: [] })).toMatchObject({ ok: false, errors: { members: "Add at least one provider" } });
  });
});

describe("form helpers", () => {
  it("starts with one member and round-trips a group", () => {
    expect(emptyGroupForm("openai").members).toEqual([{ provider: "openai", priority: "0", weight: "1" }]);
    const group = { id: "g", slug: "g", name: null, members: [{ provider: "p", priority: 2, weight: 0 }], createdAt: "", updatedAt: "" };
    expect(formFromGroup(group)).toEqual({ slug: "g", name: "", members: [{ provider: "p", priority: "2", weight: "0" }] });
  });

  it("reads half-typed numbers as NaN for the preview", () => {
    expect(memberNumbers([{ provider: "p", priority: "", weight: "2" }])).toEqual([{ priority: Number.NaN, weight: 2 }]);
  });
});

describe("wire formats in one group", () => {
  const types: Record<string, string> = { openai: "openai", groq: "groq", claude: "anthropic" };
  const form = (providers: string[]) => ({ slug: "mixed", name: "", members: providers.map((provider) => ({ provider, priority: "0", weight: "1" })) });

  it("refuses members of different wire formats, naming them", () => {
    const built = buildGroupBody(form(["openai", "claude"]), (slug) => types[slug]);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors.members).toBe("A routing group's members must speak one API, since failover resends the same request: openai (OpenAI-compatible API) and claude (Anthropic Messages API) differ. Make one group per API.");
  });

  it("accepts different provider types that speak the same format", () => {
    expect(buildGroupBody(form(["openai", "groq"]), (slug) => types[slug]).ok).toBe(true);
  });
});
