// The tooltip of every chart: a title and one line per series, in the theme's
// colours. It reads the hovered data row, so values keep their exact formatting.
import type { TooltipContentProps } from "recharts";

export interface TooltipLine<Row> {
  label: string;
  color: string;
  value: (row: Row) => string;
}

interface ChartTooltipProps<Row> {
  props: TooltipContentProps;
  title: (row: Row) => string;
  lines: readonly TooltipLine<Row>[];
}

export function ChartTooltip<Row>({ props, title, lines }: ChartTooltipProps<Row>) {
  const row = props.active ? (props.payload?.[0]?.payload as Row | undefined) : undefined;
  if (!row) return null;
  return (
    <div className="min-w-40 rounded-lg border border-border bg-surface px-3 py-2 text-xs shadow-lg">
      <p className="mb-1.5 font-medium text-foreground">{title(row)}</p>
      <dl className="space-y-1">
        {lines.map((line) => (
          <div key={line.label} className="flex items-center justify-between gap-4">
            <dt className="flex items-center gap-1.5 text-muted">
              <span aria-hidden="true" className="size-2 rounded-sm" style={{ backgroundColor: line.color }} />
              {line.label}
            </dt>
            <dd className="font-medium text-foreground tabular-nums">{line.value(row)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
