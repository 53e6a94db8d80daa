// An HTTP status as a coloured pill, with the error code beside it when the request failed.
export function StatusBadge({ status, error }: { status: number; error: string | null }) {
  const tone =
    status < 400
      ? "bg-emerald-500/10 text-success ring-emerald-500/25"
      : status < 500
        ? "bg-amber-500/10 text-warning ring-amber-500/25"
        : "bg-rose-500/10 text-danger ring-rose-500/25";
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span className={`inline-flex h-5 shrink-0 items-center rounded px-1.5 text-xs font-medium tabular-nums ring-1 ring-inset ${tone}`}>{status}</span>
      {error && (
        <span className="max-w-40 truncate text-xs text-muted" title={error}>
          {error}
        </span>
      )}
    </span>
  );
}
