// A small organization with usage, shared by the request-log and spending tests:
// an admin, two members (Alice, Bob) with personal keys, one project key, and a
// second organization whose usage must never show up. Records are written the
// way the metering writer writes them: createMany, then applyUsageToRollups.
import type { PrismaClient } from "../generated/prisma/client";
import { applyUsageToRollups } from "../spending/rollups";

export interface SeededUsage {
  organizationId: string;
  otherOrganizationId: string;
  adminMembershipId: string;
  aliceMembershipId: string;
  bobMembershipId: string;
  projectKeyId: string;
  aliceKeyId: string;
  bobKeyId: string;
  defaultProjectId: string;
  researchProjectId: string;
  records: SeededRecord[];
}

export interface SeededRecord {
  id: string;
  time: Date;
  organizationId: string;
  projectId: string | null;
  apiKeyId: string | null;
  membershipId: string | null;
  providerSlug: string | null;
  route: string | null;
  model: string | null;
  status: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: bigint;
  latencyMs: number;
  ttfbMs: number | null;
  attempts: number;
  errorCode: string | null;
  traceId: string | null;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

/** Deterministic pseudo-random numbers, so a failing case can be reproduced. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function createKey(db: PrismaClient, organizationId: string, projectId: string, kind: string, owner: string | null, name: string) {
  const key = await db.apiKey.create({
    data: {
      organizationId,
      projectId,
      kind,
      ownerMembershipId: owner,
      name,
      prefix: "gw_test",
      lookupHash: unique("hash"),
      encryptedSecret: "not-a-real-secret",
    },
  });
  return key.id;
}

/** Seed `count` records spread over the `days` days before `end` (plus a few sharing one timestamp). */
export async function seedUsage(db: PrismaClient, options: { end: Date; days: number; count: number; seed?: number }): Promise<SeededUsage> {
  const organization = await db.organization.create({ data: { name: "Acme", slug: unique("acme") } });
  const other = await db.organization.create({ data: { name: "Other", slug: unique("other") } });
  const defaultProject = await db.project.create({ data: { organizationId: organization.id, name: "Default", slug: "default" } });
  const researchProject = await db.project.create({ data: { organizationId: organization.id, name: "Research", slug: "research" } });
  const otherProject = await db.project.create({ data: { organizationId: other.id, name: "Default", slug: "default" } });

  const member = async (email: string, role: string, organizationId = organization.id) => {
    const [local, domain] = email.split("@");
    const user = await db.user.create({ data: { email: `${local}+${unique("u")}@${domain}`, name: local } });
    return (await db.membership.create({ data: { userId: user.id, organizationId, role } })).id;
  };
  const adminMembershipId = await member("admin@example.com", "admin");
  const aliceMembershipId = await member("alice@example.com", "member");
  const bobMembershipId = await member("bob@example.com", "member");
  const otherMembershipId = await member("eve@example.com", "member", other.id);

  const projectKeyId = await createKey(db, organization.id, defaultProject.id, "project", null, "Quick Start");
  const aliceKeyId = await createKey(db, organization.id, researchProject.id, "personal", aliceMembershipId, "Alice laptop");
  const bobKeyId = await createKey(db, organization.id, defaultProject.id, "personal", bobMembershipId, "Bob CI");
  const otherKeyId = await createKey(db, other.id, otherProject.id, "personal", otherMembershipId, "Eve");

  const keys = [
    { apiKeyId: projectKeyId, projectId: defaultProject.id, membershipId: null },
    { apiKeyId: aliceKeyId, projectId: researchProject.id, membershipId: aliceMembershipId },
    { apiKeyId: bobKeyId, projectId: defaultProject.id, membershipId: bobMembershipId },
  ];
  const models = [
    { providerSlug: "openai", model: "gpt-4o" },
    { providerSlug: "openai", model: "gpt-4o-mini" },
    { providerSlug: "anthropic", model: "claude-sonnet-4-20250514" },
    { providerSlug: null, model: null },
  ];
  const random = randomSource(options.seed ?? 42);
  const span = options.days * 24 * 3_600_000;
  const sharedTime = new Date(options.end.getTime() - 3_600_000 * 5 - 1234);
  const records: SeededRecord[] = [];
  for (let index = 0; index < options.count; index++) {
    const key = keys[Math.floor(random() * keys.length)];
    const target = models[Math.floor(random() * models.length)];
    const refused = target.model === null;
    const status = refused ? 429 : random() < 0.1 ? 500 : 200;
    records.push({
      id: unique("usage"),
      time: index % 10 === 0 ? sharedTime : new Date(options.end.getTime() - 1 - Math.floor(random() * span)),
      organizationId: organization.id,
      ...key,
      ...target,
      route: target.providerSlug,
      status,
      inputTokens: refused ? 0 : Math.floor(random() * 5000),
      outputTokens: refused ? 0 : Math.floor(random() * 2000),
      // Odd micro amounts, so a float sum anywhere would show.
      costMicros: refused ? 0n : BigInt(Math.floor(random() * 90_000) + 1),
      latencyMs: Math.floor(random() * 3000),
      ttfbMs: refused ? null : Math.floor(random() * 500),
      attempts: refused ? 0 : 1,
      errorCode: refused ? "spending_limit_exceeded" : status >= 500 ? "upstream_unavailable" : null,
      traceId: refused ? null : unique("trace"),
    });
  }
  records.push({
    id: unique("usage"),
    time: new Date(options.end.getTime() - 3_600_000),
    organizationId: other.id,
    projectId: otherProject.id,
    apiKeyId: otherKeyId,
    membershipId: otherMembershipId,
    providerSlug: "openai",
    route: "openai",
    model: "gpt-4o",
    status: 200,
    inputTokens: 10,
    outputTokens: 10,
    costMicros: 999_999n,
    latencyMs: 10,
    ttfbMs: 5,
    attempts: 1,
    errorCode: null,
    traceId: null,
  });

  // Written in concurrent batches that share hours, as several flushes would.
  const batches = [0, 1, 2, 3].map((batch) => records.filter((_, index) => index % 4 === batch));
  await db.usageRecord.createMany({ data: records });
  await Promise.all(batches.map((batch) => applyUsageToRollups(db, batch)));

  return {
    organizationId: organization.id,
    otherOrganizationId: other.id,
    adminMembershipId,
    aliceMembershipId,
    bobMembershipId,
    projectKeyId,
    aliceKeyId,
    bobKeyId,
    defaultProjectId: defaultProject.id,
    researchProjectId: researchProject.id,
    records: records.filter((record) => record.organizationId === organization.id),
  };
}
