import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it("uses milliseconds under a second and seconds above", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(849.6)).toBe("850 ms");
    expect(formatDuration(1240)).toBe("1.24 s");
    expect(formatDuration(12_460)).toBe("12.5 s");
  });

  it("uses minutes and hours for long requests", () => {
    expect(formatDuration(125_000)).toBe("2m 05s");
    expect(formatDuration(3_900_000)).toBe("1h 05m");
  });

  it("shows a dash without a value", () => {
    expect(formatDuration(null)).toBe("—");
  });
});
