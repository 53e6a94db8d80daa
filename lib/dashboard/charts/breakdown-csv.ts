// The Spending breakdown as CSV (RFC 4180): a header, one line per row,
// CRLF line ends, fields quoted when they hold a comma, quote or line break.
// Cost is written in exact USD with 6 decimals (micro-USD), as stored.
import { microsToDecimalText, usdToMicros } from "@/lib/money";
import type { SpendingBreakdownRow, SpendingGroup } from "@/lib/spending/schemas";

/** Quote one field. Text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Exact decimal text of a USD amount, e.g. 0.000123 → "0.000123", -2.5 → "-2.500000". */
export function usdDecimal(usd: number): string {
  return microsToDecimalText(usdToMicros(usd));
}

export function breakdownToCsv(rows: readonly SpendingBreakdownRow[], groupBy: SpendingGroup): string {
  const totalMicros = rows.reduce((sum, row) => sum + usdToMicros(row.costUsd), 0n);
  const lines = [["label", `${groupBy}_id`, "requests", "cost_usd", "share_percent"].join(",")];
  for (const row of rows) {
    const share = totalMicros > 0n ? (Number(usdToMicros(row.costUsd)) / Number(totalMicros)) * 100 : 0;
    lines.push([csvField(row.label), csvField(row.id), String(row.requests), usdDecimal(row.costUsd), share.toFixed(2)].join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** e.g. spending-by-model-2026-03-01-to-2026-03-10.csv (dates in UTC). */
export function breakdownCsvFilename(groupBy: SpendingGroup, from: string | Date, to: string | Date): string {
  const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10);
  return `spending-by-${groupBy}-${day(from)}-to-${day(to)}.csv`;
}
