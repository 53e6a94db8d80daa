// npm run bench:analytics -- [--organization SLUG] [--runs N]
//
// Times the dashboard's analytics queries against the database in
// DATABASE_URL (fill it first with npm run seed:usage): Overview, Spending
// (by model and by provider) and the request log (first page, a filtered page,
// a search by id), each for 24 h, 7 d and 30 d, and prints p50/p95 per query.
// Figures are printed, not asserted: the machine decides them.
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { organization: { type: "string" }, runs: { type: "string", default: "20" } } });
const runs = Math.max(1, Number(values.runs) || 20);

const { db } = await import("../lib/db");
const { getOverview } = await import("../lib/overview/service");
const { getSpending } = await import("../lib/spending/service");
const { listUsage } = await import("../lib/usage/service");

const organization = values.organization
  ? await db.organization.findUniqueOrThrow({ where: { slug: values.organization }, select: { id: true, slug: true } })
  : await db.organization.findFirstOrThrow({ orderBy: { createdAt: "asc" }, select: { id: true, slug: true } });
const viewer = { organizationId: organization.id, role: "admin" as const, membershipId: null };
const rows = await db.usageRecord.count({ where: { organizationId: organization.id } });
const sample = await db.usageRecord.findFirst({ where: { organizationId: organization.id }, orderBy: { time: "desc" }, select: { id: true } });
console.log(`${organization.slug}: ${rows.toLocaleString("en-US")} requests; ${runs} runs per query\n`);

const DAY = 24 * 3_600_000;
const periods = [["24h", DAY], ["7d", 7 * DAY], ["30d", 30 * DAY]] as const;
const queries: Array<[string, () => Promise<unknown>]> = [];
for (const [period, span] of periods) {
  const from = new Date(Date.now() - span).toISOString();
  queries.push([`overview ${period}`, () => getOverview(viewer, { period })]);
  queries.push([`spending by model ${period}`, () => getSpending(viewer, { from, groupBy: "model", interval: period === "24h" ? "hour" : "day" })]);
  queries.push([`spending by provider ${period}`, () => getSpending(viewer, { from, groupBy: "provider", interval: period === "24h" ? "hour" : "day" })]);
  queries.push([`request log page ${period}`, () => listUsage(viewer, { from, limit: 50 })]);
  queries.push([`request log 4xx, streamed ${period}`, () => listUsage(viewer, { from, limit: 50, status: "4xx", streamed: "false" })]);
  queries.push([`request log model filter ${period}`, () => listUsage(viewer, { from, limit: 50, model: "gpt-4o" })]);
}
if (sample) queries.push(["request log search by id", () => listUsage(viewer, { search: sample.id })]);

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
console.log(`${"query".padEnd(36)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
for (const [name, run] of queries) {
  await run(); // warm the page cache and prepared statements
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  console.log(`${name.padEnd(36)} ${percentile(times, 0.5).toFixed(1).padStart(8)} ${percentile(times, 0.95).toFixed(1).padStart(8)}`);
}
await db.$disconnect();
