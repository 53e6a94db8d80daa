// Money as people read it: "$1,234.56"; amounts under a cent keep enough digits
// to be seen ("$0.00042"); chart axes use the compact form ("$1.2k").
const CENTS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COMPACT = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });

export function formatMoney(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "—";
  const absolute = Math.abs(usd);
  if (absolute > 0 && absolute < 0.01) {
    // Two significant digits, at most 6 decimals (micro-USD is the stored precision).
    const decimals = Math.min(Math.max(-Math.floor(Math.log10(absolute)) + 1, 3), 6);
    const text = absolute.toFixed(decimals).replace(/0+$/, "");
    if (Number(text) === 0) return usd < 0 ? "-$0.000001" : "<$0.000001";
    return `${usd < 0 ? "-" : ""}$${text}`;
  }
  return CENTS.format(usd === 0 ? 0 : usd);
}

/** Short money for chart axes: "$0", "$0.05", "$12", "$1.2k", "$3.4M". */
export function formatMoneyCompact(usd: number): string {
  if (!Number.isFinite(usd)) return "—";
  const absolute = Math.abs(usd);
  if (absolute === 0) return "$0";
  // Axis ticks under a dollar (0.0075, 0.015…): three significant digits, never rounded to a wrong cent.
  if (absolute < 1) return `${usd < 0 ? "-" : ""}$${Number(absolute.toPrecision(3))}`;
  if (absolute < 1000) return `${usd < 0 ? "-" : ""}$${Number(absolute.toFixed(absolute < 10 ? 2 : 0))}`;
  return COMPACT.format(usd);
}
