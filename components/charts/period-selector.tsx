"use client";
// The period choice of the Overview and Spending tabs.
import { PERIOD_DEFINITIONS, type DashboardPeriod } from "@/lib/dashboard/charts/periods";
import { SegmentedControl } from "./segmented-control";

interface PeriodSelectorProps<Period extends DashboardPeriod> {
  value: Period;
  options: readonly Period[];
  onChange: (period: Period) => void;
}

export function PeriodSelector<Period extends DashboardPeriod>({ value, options, onChange }: PeriodSelectorProps<Period>) {
  return (
    <SegmentedControl
      label="Period"
      value={value}
      onChange={onChange}
      options={options.map((option) => ({ value: option, label: PERIOD_DEFINITIONS[option].short, title: `The ${PERIOD_DEFINITIONS[option].long}` }))}
    />
  );
}
