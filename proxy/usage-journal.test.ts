import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeProvisionalLine, encodeProvisionalLine, UsageJournal, type ProvisionalUsage } from "./usage-journal";
import { UsageSpool } from "./usage-spool";
import { prepareUsage, type PreparedUsage } from "./usage-rows";

const provisional: ProvisionalUsage = {
  id: "request-1",
  startedAt: Date.UTC(2026, 11, 2, 10, 30),
  organizationId: "org",
  projectId: "project",
  apiKeyId: "key",
  membershipId: null,
  providerSlug: "openai",
  route: "team",
  model: "gpt-4o-mini",
  operation: "chat",
  streamed: true,
  inputTokens: 42,
  costMicros: 12_345_678_901_234n,
  traceId: "0af7651916cd43dd8448eb211c80319c",
};

describe("the write-ahead journal's compact line", () => {
  it("decodes to the 502 interrupted record the request leaves, money exact", () => {
    const line = encodeProvisionalLine(provisional);
    expect(line.endsWith("\n")).toBe(true);
    expect(line).not.toContain("$bigint");
    const record = decodeProvisionalLine(line.trim());
    expect(record).toMatchObject({
      id: "request-1",
      organizationId: "org",
      projectId: "project",
      apiKeyId: "key",
      membershipId: null,
      providerSlug: "openai",
      route: "team",
      model: "gpt-4o-mini",
      operation: "chat",
      status: 502,
      streamed: true,
      inputTokens: 42,
      outputTokens: 0,
      costMicros: 12_345_678_901_234n,
      estimated: true,
      errorCode: "interrupted",
      traceId: provisional.traceId,
    });
    expect(record.time.getTime()).toBe(provisional.startedAt);
  });

  it("is replayed from a dead process's journal, skipping a torn last line", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "journal-test-"));
    const journal = new UsageJournal(directory);
    journal.begin(provisional);
    journal.begin({ ...provisional, id: "request-2" });
    const [file] = readdirSync(directory);
    // A journal of a process that is gone (pid 2^31 - 2 is never a live one here), its last write cut short.
    const deadFile = path.join(directory, "journal-2147483646-abcd1234.jsonl");
    writeFileSync(deadFile, readFileSync(path.join(directory, file), "utf8") + '[1,"request-3",17');
    journal.close();
    const written: PreparedUsage[] = [];
    const spool = new UsageSpool(directory, 1 << 20, (candidate) => journal.owns(candidate));
    expect(await spool.replay(async (batch) => void written.push(...batch), 100)).toBe(true);
    expect(written.map((record) => record.row[0])).toEqual(["request-1", "request-2"]);
    expect(written[0]).toEqual(prepareUsage(decodeProvisionalLine(encodeProvisionalLine(provisional).trim())));
  });
});
