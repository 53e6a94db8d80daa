import { describe, expect, it } from "vitest";
import type { KeyResponse } from "@/lib/keys/schemas";
import { choosePlaygroundKey, parseMaxTokens, parseTemperature } from "./playground-selection";

const key = (id: string, status: KeyResponse["status"] = "active", kind: KeyResponse["kind"] = "project") => ({ id, status, kind }) as KeyResponse;
const keys = [key("revoked", "revoked"), key("a"), key("b"), key("c")];

describe("choosePlaygroundKey", () => {
  it("takes the user's pick, then ?key=, then a key with a known secret, then the newest active one", () => {
    expect(choosePlaygroundKey(keys, "c", "b", () => true)?.id).toBe("c");
    expect(choosePlaygroundKey(keys, null, "b", () => false)?.id).toBe("b");
    expect(choosePlaygroundKey(keys, null, "revoked", (id) => id === "c")?.id).toBe("c");
    expect(choosePlaygroundKey(keys, null, undefined, () => false)?.id).toBe("a");
    expect(choosePlaygroundKey([key("x", "disabled")], null, "x", () => true)).toBeNull();
  });

  it("prefers a project key over a (member's) personal key", () => {
    expect(choosePlaygroundKey([key("personal", "active", "personal"), key("project")], null, undefined, (id) => id === "personal")?.id).toBe("project");
  });
});

describe("numeric settings", () => {
  it("treat empty as the provider's default and reject out-of-range values", () => {
    expect(parseTemperature("")).toEqual({ value: null });
    expect(parseTemperature("0.7")).toEqual({ value: 0.7 });
    expect(parseTemperature("3")).toHaveProperty("error");
    expect(parseMaxTokens("256")).toEqual({ value: 256 });
    expect(parseMaxTokens("2.5")).toHaveProperty("error");
    expect(parseMaxTokens("0")).toHaveProperty("error");
  });
});
