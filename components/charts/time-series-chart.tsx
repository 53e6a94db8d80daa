"use client";
// Bars over time for one metric: cost, requests (errors stacked in red) or
// tokens (input and output stacked). Data comes prepared by fillSeries.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact } from "@/components/format/money";
import { formatCount, formatTokens } from "@/components/format/numbers";
import { formatBucketLabel, formatBucketRange } from "@/components/format/time";
import type { ChartPoint } from "@/lib/dashboard/charts/fill-series";
import type { SpendingInterval } from "@/lib/spending/schemas";
import { ChartTooltip, type TooltipLine } from "./chart-tooltip";
import { CHART_COLORS } from "./palette";

export type TimeSeriesMetric = "cost" | "requests" | "tokens";

interface BarSeries {
  key: keyof ChartPoint;
  label: string;
  color: string;
}

const SERIES: Record<TimeSeriesMetric, BarSeries[]> = {
  cost: [{ key: "costUsd", label: "Cost", color: CHART_COLORS.primary }],
  requests: [
    { key: "successes", label: "Succeeded", color: CHART_COLORS.primary },
    { key: "errors", label: "Errors", color: CHART_COLORS.errors },
  ],
  tokens: [
    { key: "inputTokens", label: "Input", color: CHART_COLORS.primary },
    { key: "outputTokens", label: "Output", color: CHART_COLORS.secondary },
  ],
};

const TOOLTIP_LINES: Record<TimeSeriesMetric, TooltipLine<ChartPoint>[]> = {
  cost: [
    { label: "Cost", color: CHART_COLORS.primary, value: (row) => formatMoney(row.costUsd) },
    { label: "Requests", color: "transparent", value: (row) => formatCount(row.requests) },
  ],
  requests: [
    { label: "Requests", color: CHART_COLORS.primary, value: (row) => formatCount(row.requests) },
    { label: "Errors", color: CHART_COLORS.errors, value: (row) => formatCount(row.errors) },
  ],
  tokens: [
    { label: "Input", color: CHART_COLORS.primary, value: (row) => formatTokens(row.inputTokens) },
    { label: "Output", color: CHART_COLORS.secondary, value: (row) => formatTokens(row.outputTokens) },
  ],
};

const AXIS_FORMAT: Record<TimeSeriesMetric, (value: number) => string> = {
  cost: formatMoneyCompact,
  requests: (value) => formatTokens(value),
  tokens: (value) => formatTokens(value),
};

interface TimeSeriesChartProps {
  data: ChartPoint[];
  interval: SpendingInterval;
  metric: TimeSeriesMetric;
  height?: number;
  /** Accessible name of the chart image. */
  label: string;
}

export function TimeSeriesChart({ data, interval, metric, height = 220, label }: TimeSeriesChartProps) {
  const series = SERIES[metric];
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full">
      <BarChart responsive data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} barCategoryGap="18%">
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          tickFormatter={(value: number) => formatBucketLabel(value, interval)}
          tick={{ fill: CHART_COLORS.axis, fontSize: 11 }}
          tickLine={false}
          axisLine={{ stroke: CHART_COLORS.grid }}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={AXIS_FORMAT[metric]}
          tick={{ fill: CHART_COLORS.axis, fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          // Sub-cent amounts ("$0.000014") need the room.
          width={metric === "cost" ? 76 : 52}
          allowDecimals={metric === "cost"}
        />
        <Tooltip
          cursor={{ fill: "var(--surface-muted)" }}
          content={(props) => (
            <ChartTooltip<ChartPoint> props={props} title={(row) => formatBucketRange(row.time, interval)} lines={TOOLTIP_LINES[metric]} />
          )}
        />
        {series.map((entry, index) => (
          <Bar
            key={entry.key}
            dataKey={entry.key}
            name={entry.label}
            stackId="stack"
            fill={entry.color}
            radius={index === series.length - 1 ? [3, 3, 0, 0] : 0}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}

/** Legend entries for a metric, for a caption above the chart. */
export function seriesLegend(metric: TimeSeriesMetric): Array<{ label: string; color: string }> {
  return SERIES[metric].length > 1 ? SERIES[metric].map(({ label, color }) => ({ label, color })) : [];
}
