// What a tab shows until its feature is built: an honest empty state.
export function TabPlaceholder({ title }: { title: string }) {
  return (
    <section className="rounded-xl border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-muted">This section is not available yet.</p>
    </section>
  );
}
