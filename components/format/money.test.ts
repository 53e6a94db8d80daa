import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyCompact } from "./money";

describe("formatMoney", () => {
  it("shows dollars and cents with thousands separators", () => {
    expect(formatMoney(1234.56)).toBe("$1,234.56");
    expect(formatMoney(0)).toBe("$0.00");
    expect(formatMoney(-0)).toBe("$0.00");
    expect(formatMoney(5)).toBe("$5.00");
    expect(formatMoney(0.015)).toBe("$0.02");
    expect(formatMoney(-42.1)).toBe("-$42.10");
  });

  it("keeps small amounts readable instead of rounding them to $0.00", () => {
    expect(formatMoney(0.00042)).toBe("$0.00042");
    expect(formatMoney(0.0051)).toBe("$0.0051");
    expect(formatMoney(0.000001)).toBe("$0.000001");
    expect(formatMoney(0.0000001)).toBe("<$0.000001");
    expect(formatMoney(-0.003)).toBe("-$0.003");
  });

  it("shows a dash for no value", () => {
    expect(formatMoney(null)).toBe("—");
    expect(formatMoney(Number.NaN)).toBe("—");
  });
});

describe("formatMoneyCompact", () => {
  it("keeps axis labels short", () => {
    expect(formatMoneyCompact(0)).toBe("$0");
    expect(formatMoneyCompact(0.05)).toBe("$0.05");
    expect(formatMoneyCompact(0.0075)).toBe("$0.0075");
    expect(formatMoneyCompact(0.0225)).toBe("$0.0225");
    expect(formatMoneyCompact(0.015)).toBe("$0.015");
    expect(formatMoneyCompact(2.5)).toBe("$2.5");
    expect(formatMoneyCompact(12)).toBe("$12");
    expect(formatMoneyCompact(1234)).toBe("$1.2K");
    expect(formatMoneyCompact(3_400_000)).toBe("$3.4M");
  });
});
