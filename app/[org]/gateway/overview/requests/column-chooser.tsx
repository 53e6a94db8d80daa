"use client";
// "Columns": a disclosure with one checkbox per column; the choice is kept in
// this browser (localStorage) for the next visit.
import { useEffect, useState } from "react";
import { COLUMNS_STORAGE_KEY, DEFAULT_COLUMNS, LOG_COLUMNS, parseColumns, toggleColumn, type LogColumnId } from "@/lib/dashboard/request-log/columns";

export function useChosenColumns(): [LogColumnId[], (id: LogColumnId) => void] {
  const [columns, setColumns] = useState<LogColumnId[]>([...DEFAULT_COLUMNS]);
  useEffect(() => {
    // Read after mount: the server render cannot know this browser's choice.
    setColumns(parseColumns(window.localStorage.getItem(COLUMNS_STORAGE_KEY)));
  }, []);
  const toggle = (id: LogColumnId) =>
    setColumns((current) => {
      const next = toggleColumn(current, id);
      window.localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  return [columns, toggle];
}

export function ColumnChooser({ columns, onToggle }: { columns: readonly LogColumnId[]; onToggle: (id: LogColumnId) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="request-log-columns"
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => event.key === "Escape" && setOpen(false)}
        className="inline-flex h-9 items-center gap-2 rounded-md border border-border-strong bg-surface px-3 text-sm font-medium shadow-sm hover:bg-surface-muted"
      >
        Columns
        <span className="text-xs text-muted">{columns.length}</span>
      </button>
      {open && (
        <fieldset
          id="request-log-columns"
          onKeyDown={(event) => event.key === "Escape" && setOpen(false)}
          className="absolute right-0 z-20 mt-2 grid w-60 gap-1 rounded-lg border border-border bg-surface p-3 shadow-lg"
        >
          <legend className="sr-only">Columns shown</legend>
          {LOG_COLUMNS.map((column) => (
            <label key={column.id} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-surface-muted">
              <input
                type="checkbox"
                checked={columns.includes(column.id)}
                disabled={"always" in column}
                onChange={() => onToggle(column.id)}
                className="size-4 accent-[var(--primary)]"
              />
              {column.label}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
