// Times in the form Prisma's SQLite adapter stores DateTime columns
// ("2026-12-02T12:59:22.279+00:00"): the same text compares and sorts the same
// way whether Prisma or the hot path wrote it.

export function sqlTime(time: Date | number): string {
  return new Date(time).toISOString().replace("Z", "+00:00");
}
