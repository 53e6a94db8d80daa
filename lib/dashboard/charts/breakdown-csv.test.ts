import { describe, expect, it } from "vitest";
import { breakdownCsvFilename, breakdownToCsv, csvField, usdDecimal } from "./breakdown-csv";

describe("csvField", () => {
  it("leaves plain text alone and quotes commas, quotes and line breaks", () => {
    expect(csvField("gpt-4o")).toBe("gpt-4o");
    expect(csvField("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvField('the "big" key')).toBe('"the ""big"" key"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@sum, x")).toBe(`"'@sum, x"`);
    expect(csvField(-3)).toBe("-3");
  });
});

describe("usdDecimal", () => {
  it("writes exact micro-USD", () => {
    expect(usdDecimal(0.000123)).toBe("0.000123");
    expect(usdDecimal(1234.5)).toBe("1234.500000");
    expect(usdDecimal(0.1 + 0.2)).toBe("0.300000");
    expect(usdDecimal(-2.5)).toBe("-2.500000");
    expect(usdDecimal(0)).toBe("0.000000");
  });
});

describe("breakdownToCsv", () => {
  it("writes a header and one CRLF line per row with the share of the total", () => {
    const csv = breakdownToCsv(
      [
        { id: "m1", label: 'alice@example.com', costUsd: 3, requests: 10 },
        { id: null, label: "Project keys", costUsd: 1, requests: 2 },
        { id: "m2", label: 'Bob "B", Jr.', costUsd: 0, requests: 0 },
      ],
      "member",
    );
    expect(csv).toBe(
      [
        "label,member_id,requests,cost_usd,share_percent",
        "alice@example.com,m1,10,3.000000,75.00",
        "Project keys,,2,1.000000,25.00",
        '"Bob ""B"", Jr.",m2,0,0.000000,0.00',
        "",
      ].join("\r\n"),
    );
  });

  it("writes only the header for an empty breakdown", () => {
    expect(breakdownToCsv([], "model")).toBe("label,model_id,requests,cost_usd,share_percent\r\n");
  });

  it("names the file after the grouping and the UTC dates", () => {
    expect(breakdownCsvFilename("provider", "2026-03-01T00:00:00Z", new Date("2026-03-10T15:00:00Z"))).toBe(
      "spending-by-provider-2026-03-01-to-2026-03-10.csv",
    );
  });
});
