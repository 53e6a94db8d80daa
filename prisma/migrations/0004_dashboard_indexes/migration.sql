-- AlterTable
ALTER TABLE "UsageRecord" ADD COLUMN "attemptLog" TEXT;

-- CreateIndex
CREATE INDEX "UsageRecord_organizationId_membershipId_time_idx" ON "UsageRecord"("organizationId", "membershipId", "time");

-- CreateIndex
CREATE INDEX "UsageRecord_traceId_idx" ON "UsageRecord"("traceId");

