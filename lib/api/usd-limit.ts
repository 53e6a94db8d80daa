// A USD spending limit in an API body (keys, members): a positive number in
// the precision money is stored in, or null to clear it. The messages name the
// field in words ("daily limit"), since they are shown to people as they are.
import { z } from "zod";

const SMALLEST_USD = 0.000001;

export function usdLimitSchema(window: "daily" | "weekly" | "monthly" | "total") {
  const name = `the ${window} limit`;
  return z
    .number({ error: `${name} must be a number of USD (e.g. 5 or 0.0005), or null for no limit` })
    .positive(`${name} must be greater than $0; send null (or leave it empty) for no limit`)
    .min(SMALLEST_USD, `${name} must be at least $0.000001 (a millionth of a dollar, the precision money is stored in)`)
    .max(10_000_000, `${name} can be at most $10,000,000`)
    .nullable()
    .optional();
}
