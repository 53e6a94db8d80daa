// The member limit windows, in the order the table and the form show them.
export const LIMIT_WINDOWS = [
  { key: "daily", label: "Daily" },
  { key: "weekly", label: "Weekly" },
  { key: "monthly", label: "Monthly" },
] as const;

export type LimitWindow = (typeof LIMIT_WINDOWS)[number]["key"];
