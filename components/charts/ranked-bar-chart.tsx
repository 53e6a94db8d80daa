"use client";
// Horizontal bars of ranked rows (top models, a spending breakdown), prepared
// by topWithOther: one colour per row, grey for "Other".
import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact } from "@/components/format/money";
import { formatCount, formatTokens } from "@/components/format/numbers";
import type { RankedChartRow } from "@/lib/dashboard/charts/top-n";
import { ChartTooltip } from "./chart-tooltip";
import { categoryColor, CHART_COLORS } from "./palette";

interface RankedBarChartProps {
  rows: RankedChartRow[];
  measure: "costUsd" | "requests";
  label: string;
  /** Width of the category labels on the left. */
  labelWidth?: number;
}

const ROW_HEIGHT = 30;

export function RankedBarChart({ rows, measure, label, labelWidth = 148 }: RankedBarChartProps) {
  const height = Math.max(rows.length * ROW_HEIGHT + 24, 96);
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full">
      <BarChart responsive layout="vertical" data={rows} style={{ width: "100%", height: "100%" }} margin={{ top: 0, right: 8, bottom: 0, left: 0 }} barCategoryGap={6}>
        <XAxis
          type="number"
          dataKey={measure}
          tickFormatter={measure === "costUsd" ? formatMoneyCompact : (value: number) => formatTokens(value)}
          tick={{ fill: CHART_COLORS.axis, fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          allowDecimals={measure === "costUsd"}
        />
        <YAxis
          type="category"
          dataKey="key"
          width={labelWidth}
          tickFormatter={(key: string) => truncate(rows.find((row) => row.key === key)?.label ?? key, Math.floor(labelWidth / 7))}
          tick={{ fill: CHART_COLORS.axis, fontSize: 11 }}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip
          cursor={{ fill: "var(--surface-muted)" }}
          content={(props) => (
            <ChartTooltip<RankedChartRow>
              props={props}
              title={(row) => row.label}
              lines={[
                { label: "Cost", color: "transparent", value: (row) => formatMoney(row.costUsd) },
                { label: "Requests", color: "transparent", value: (row) => formatCount(row.requests) },
              ]}
            />
          )}
        />
        <Bar dataKey={measure} radius={[0, 3, 3, 0]} isAnimationActive={false}>
          {rows.map((row, index) => (
            <Cell key={row.key} fill={categoryColor(index, row.isOther)} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, Math.max(length - 1, 1))}…` : text;
}
