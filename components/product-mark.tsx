// The product's name with a small mark, used in the header and on auth pages.
export function ProductMark() {
  return (
    <span className="inline-flex items-center gap-2 text-base font-semibold tracking-tight text-foreground">
      <svg viewBox="0 0 24 24" className="size-6 text-primary" aria-hidden="true" fill="none">
        <rect x="2" y="2" width="20" height="20" rx="6" fill="currentColor" />
        <path d="M7 12h10M13 8l4 4-4 4" stroke="var(--primary-foreground)" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      Gateway
    </span>
  );
}
