-- Token classes billed at their own rates (issue 11). Columns are added in place
-- (SQLite allows NOT NULL with a constant default) rather than by rebuilding the
-- usage tables, which can hold millions of rows.

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN "fallbackInputPerMillionMicros" BIGINT;
ALTER TABLE "Provider" ADD COLUMN "fallbackOutputPerMillionMicros" BIGINT;

-- AlterTable
ALTER TABLE "ProviderPrice" ADD COLUMN "cacheWrite1hPerMillionMicros" BIGINT;
ALTER TABLE "ProviderPrice" ADD COLUMN "reasoningPerMillionMicros" BIGINT;
ALTER TABLE "ProviderPrice" ADD COLUMN "perMinuteMicros" BIGINT;

-- AlterTable
ALTER TABLE "UsageRecord" ADD COLUMN "cacheWrite1hTokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UsageRecord" ADD COLUMN "reasoningTokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UsageRecord" ADD COLUMN "inputAudioTokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UsageRecord" ADD COLUMN "cacheAudioReadTokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UsageRecord" ADD COLUMN "outputAudioTokens" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UsageRecord" ADD COLUMN "audioMilliseconds" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "UsageHourly" ADD COLUMN "cacheReadTokens" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "UsageHourly" ADD COLUMN "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "UsageHourly" ADD COLUMN "reasoningTokens" BIGINT NOT NULL DEFAULT 0;
