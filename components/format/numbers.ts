// Counts, token amounts and percentages for stat cards, tables and axes.
const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "1,234" */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return INTEGER.format(value);
}

/** Tokens the way model pricing talks about them: "950", "12.3k", "4.5M", "1.2B". */
export function formatTokens(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const absolute = Math.abs(value);
  const units: Array<[number, string]> = [
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [size, suffix] of units) {
    if (absolute >= size * 0.9995) {
      const scaled = value / size;
      const text = Math.abs(scaled) >= 100 ? scaled.toFixed(0) : scaled.toFixed(1).replace(/\.0$/, "");
      // 999.96k rounds to "1000k": move up a unit instead.
      if (text.replace("-", "") === "1000" && suffix !== "B") continue;
      return `${text}${suffix}`;
    }
  }
  return INTEGER.format(value);
}

/** A ratio (0.1234) as a percentage: "12.3%", "<0.1%" for tiny non-zero values, "0%" for zero. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  if (ratio === 0) return "0%";
  const percent = ratio * 100;
  const smallest = 10 ** -digits;
  if (Math.abs(percent) < smallest) return `${percent < 0 ? ">-" : "<"}${smallest}%`;
  return `${percent.toFixed(digits).replace(/\.0+$/, "")}%`;
}

/** A change against the previous period: "+12%", "−8%", "±0%". */
export function formatChange(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  const percent = Math.round(ratio * 100);
  if (percent === 0) return "±0%";
  return `${percent > 0 ? "+" : "−"}${INTEGER.format(Math.abs(percent))}%`;
}
