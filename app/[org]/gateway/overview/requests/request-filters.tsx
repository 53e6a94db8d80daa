"use client";
// The request log's filter bar: a search by request or trace id, the period,
// and selects for who, where and how a request ended. Text filters (model,
// error code) apply when the field is left or Enter is pressed, not per keystroke.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { activeFilterCount, DEFAULT_FILTERS, LOG_PERIOD_LABELS, LOG_PERIODS, type RequestLogFilters } from "@/lib/dashboard/request-log/filters";
import type { LogLabels } from "./use-log-labels";

interface RequestFiltersProps {
  filters: RequestLogFilters;
  onChange: (filters: RequestLogFilters) => void;
  options: LogLabels["options"];
}

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "success", label: "Succeeded (< 400)" },
  { value: "error", label: "Failed (≥ 400)" },
  { value: "4xx", label: "4xx (refused, client errors)" },
  { value: "5xx", label: "5xx (upstream errors)" },
];

const STREAMED_OPTIONS = [
  { value: "", label: "Streamed or not" },
  { value: "true", label: "Streamed" },
  { value: "false", label: "Not streamed" },
];

export function RequestFilters({ filters, onChange, options }: RequestFiltersProps) {
  const [search, setSearch] = useState(filters.search);
  const [model, setModel] = useState(filters.model);
  const [error, setError] = useState(filters.error);
  const set = (changes: Partial<RequestLogFilters>) => onChange({ ...filters, ...changes });
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    set({ search: search.trim() });
  };
  const applyText = () => {
    if (model.trim() !== filters.model || error.trim() !== filters.error) set({ model: model.trim(), error: error.trim() });
  };
  const clear = () => {
    setSearch("");
    setModel("");
    setError("");
    onChange({ ...DEFAULT_FILTERS, period: filters.period });
  };
  const active = activeFilterCount(filters);

  return (
    <div className="flex flex-col gap-4">
      <form role="search" onSubmit={submitSearch} className="flex flex-wrap items-end gap-2">
        <TextField
          label="Request id or trace id"
          className="min-w-0 flex-1 basis-64"
          value={search}
          placeholder="e.g. 3f1c…  or  4bf92f3577b34da6a3ce929d0e0e4736"
          onChange={(event) => setSearch(event.target.value)}
          spellCheck={false}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {filters.search && (
          <Button
            variant="ghost"
            onClick={() => {
              setSearch("");
              set({ search: "" });
            }}
          >
            Clear search
          </Button>
        )}
      </form>
      {filters.search ? (
        <p className="text-sm text-muted">Searching all time; the filters below apply again once the search is cleared.</p>
      ) : (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField label="Period" value={filters.period} options={LOG_PERIODS.map((period) => ({ value: period, label: LOG_PERIOD_LABELS[period] }))} onChange={(event) => set({ period: event.target.value as RequestLogFilters["period"] })} />
          <SelectField label="Project" value={filters.project} options={withCurrent(options.projects, filters.project)} onChange={(event) => set({ project: event.target.value })} />
          <SelectField label="Key" value={filters.key} options={withCurrent(options.keys, filters.key)} onChange={(event) => set({ key: event.target.value })} />
          {options.members.length > 0 && (
            <SelectField label="Member" value={filters.member} options={withCurrent(options.members, filters.member)} onChange={(event) => set({ member: event.target.value })} />
          )}
          <SelectField label="Route" value={filters.route} options={withCurrent(options.routes, filters.route)} onChange={(event) => set({ route: event.target.value })} />
          <SelectField label="Provider" value={filters.provider} options={withCurrent(options.providers, filters.provider)} onChange={(event) => set({ provider: event.target.value })} />
          <TextField label="Model" value={model} placeholder="Any model" onChange={(event) => setModel(event.target.value)} onBlur={applyText} onKeyDown={(event) => event.key === "Enter" && applyText()} />
          <SelectField label="Status" value={filters.status} options={STATUS_OPTIONS} onChange={(event) => set({ status: event.target.value as RequestLogFilters["status"] })} />
          <TextField label="Error code" value={error} placeholder="e.g. spending_limit_exceeded" onChange={(event) => setError(event.target.value)} onBlur={applyText} onKeyDown={(event) => event.key === "Enter" && applyText()} />
          <SelectField label="Streamed" value={filters.streamed} options={STREAMED_OPTIONS} onChange={(event) => set({ streamed: event.target.value as RequestLogFilters["streamed"] })} />
          {active > 0 && (
            <div className="flex items-end">
              <Button variant="ghost" onClick={clear}>
                Clear {active} filter{active === 1 ? "" : "s"}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** A value from the URL that is not (or no longer) in the list still shows as chosen. */
function withCurrent(options: LogLabels["options"]["keys"], value: string) {
  return value && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options;
}
