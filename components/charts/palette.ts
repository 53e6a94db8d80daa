// Chart colours. Mid-tone hues read on both the light and the dark surface;
// the primary series follows the theme's --primary.
export const CHART_COLORS = {
  primary: "var(--primary)",
  errors: "#f43f5e",
  secondary: "#0ea5e9",
  other: "#94a3b8",
  grid: "var(--border)",
  axis: "var(--muted)",
} as const;

/** Categorical colours for ranked rows, in rank order; "Other" is always grey. */
export const CATEGORY_COLORS = ["var(--primary)", "#0ea5e9", "#10b981", "#f59e0b", "#ec4899", "#8b5cf6", "#14b8a6", "#f97316"] as const;

export function categoryColor(index: number, isOther = false): string {
  return isOther ? CHART_COLORS.other : CATEGORY_COLORS[index % CATEGORY_COLORS.length];
}
