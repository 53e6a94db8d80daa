import { describe, expect, it } from "vitest";
import type { KeyResponse } from "@/lib/keys/schemas";
import { dateFromExpiry, EMPTY_LIMITS, expiryFromDate, parseCreateKeyForm, parseEditKeyForm, type KeyFormValues } from "./key-form";

const NOW = new Date(2026, 2, 10, 12, 0, 0);
const values = (overrides: Partial<KeyFormValues> = {}): KeyFormValues => ({
  name: "  Billing service ",
  project: "default",
  kind: "project",
  owner: "",
  expires: "",
  limits: { ...EMPTY_LIMITS },
  ...overrides,
});

const key: KeyResponse = {
  id: "k1",
  name: "Old",
  kind: "project",
  project: "default",
  owner: null,
  ownerEmail: null,
  prefix: "gw_abc",
  expiresAt: null,
  disabled: false,
  revoked: false,
  revokedAt: null,
  status: "active",
  limits: { daily: 5, weekly: null, monthly: null, total: 100 },
  spend: { daily: 0, weekly: 0, monthly: 0, total: 0 },
  lastUsedAt: null,
  createdAt: "2026-03-01T00:00:00.000Z",
};

describe("parseCreateKeyForm", () => {
  it("builds the API body with only the limits that are set", () => {
    const parsed = parseCreateKeyForm(values({ limits: { ...EMPTY_LIMITS, daily: "5", total: "$1,000.50" } }), NOW);
    expect(parsed).toEqual({ ok: true, body: { name: "Billing service", project: "default", kind: "project", limits: { daily: 5, total: 1000.5 } } });
  });

  it("sends the owner of a personal key and the end of the expiry day", () => {
    const parsed = parseCreateKeyForm(values({ kind: "personal", owner: "m1", expires: "2026-04-01" }), NOW);
    expect(parsed.ok && parsed.body).toMatchObject({ kind: "personal", owner: "m1", expiresAt: new Date(2026, 3, 1, 23, 59, 59, 999).toISOString() });
  });

  it("names every invalid field", () => {
    const parsed = parseCreateKeyForm(values({ name: " ", project: "", expires: "2026-03-01", limits: { ...EMPTY_LIMITS, weekly: "-3", monthly: "lots" } }), NOW);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual(["expires", "monthly", "name", "project", "weekly"]);
  });
});

describe("parseEditKeyForm", () => {
  it("clears emptied limits and keeps the rest", () => {
    const parsed = parseEditKeyForm({ name: "New", expires: "", limits: { daily: "", weekly: "7", monthly: "", total: "100" } }, key, NOW);
    expect(parsed).toEqual({ ok: true, body: { name: "New", expiresAt: null, limits: { daily: null, weekly: 7, monthly: null, total: 100 } } });
  });

  it("lets an already-past expiry stay as it is", () => {
    const expired = { ...key, expiresAt: new Date(2026, 0, 1, 23, 59, 59, 999).toISOString() };
    const parsed = parseEditKeyForm({ name: "Old", expires: dateFromExpiry(expired.expiresAt), limits: { ...EMPTY_LIMITS } }, expired, NOW);
    expect(parsed.ok && parsed.body.expiresAt).toBe(expired.expiresAt);
  });
});

describe("expiry dates", () => {
  it("round-trips a date and rejects impossible ones", () => {
    const expiry = expiryFromDate("2027-02-28", NOW);
    expect("value" in expiry && dateFromExpiry(expiry.value)).toBe("2027-02-28");
    expect(expiryFromDate("2027-02-30", NOW)).toEqual({ error: "Pick a valid date" });
  });
});
