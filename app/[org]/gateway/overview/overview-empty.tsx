// What Overview shows before the gateway has served a single request.
import Link from "next/link";

export function OverviewEmpty({ organizationSlug }: { organizationSlug: string }) {
  return (
    <section className="rounded-xl border border-dashed border-border-strong bg-surface px-6 py-14 text-center">
      <div className="mx-auto flex size-11 items-center justify-center rounded-full bg-surface-muted text-primary" aria-hidden="true">
        <svg viewBox="0 0 24 24" fill="none" className="size-5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M3 3v18h18" />
          <path d="M7 15l4-4 3 3 5-6" />
        </svg>
      </div>
      <h3 className="mt-4 text-base font-semibold">No requests yet</h3>
      <p className="mx-auto mt-1 max-w-md text-sm text-muted">
        Point an SDK at the gateway with one of your keys. Requests, cost, tokens and latency show up here as soon as they arrive.
      </p>
      <Link
        href={`/${organizationSlug}/gateway/connect`}
        className="mt-5 inline-flex h-9 items-center justify-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground shadow-sm transition-colors hover:bg-primary-hover"
      >
        Go to Connect
      </Link>
    </section>
  );
}
