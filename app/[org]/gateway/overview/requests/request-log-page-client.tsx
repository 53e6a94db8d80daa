"use client";
// The request log: every request of the organization (a member: their own),
// newest first, filtered and searched, a page of 50 at a time through the
// API's cursor; a row opens its detail. Filters and the open request live in
// the URL so a view can be shared.
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { EmptyBlock, ErrorBlock, LoadingBlock } from "@/components/charts/panel-states";
import { useOrganization } from "@/components/organization-context";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { activeFilterCount, filtersToSearch, usageQuery, type RequestLogFilters } from "@/lib/dashboard/request-log/filters";
import type { UsagePage } from "@/lib/usage/schemas";
import { ColumnChooser, useChosenColumns } from "./column-chooser";
import { RequestDrawer } from "./request-drawer";
import { RequestFilters } from "./request-filters";
import { RequestLogTable } from "./request-log-table";
import { useLogLabels } from "./use-log-labels";

const PAGE_SIZE = 50;

export function RequestLogPageClient({ initialFilters, initialRequestId }: { initialFilters: RequestLogFilters; initialRequestId: string | null }) {
  const { slug, role } = useOrganization();
  const [filters, setFilters] = useState(initialFilters);
  const [openId, setOpenId] = useState(initialRequestId);
  const [columns, toggleColumn] = useChosenColumns();
  const labels = useLogLabels();
  // The period's start is fixed when the filters change, so later pages continue the same window.
  const [anchor, setAnchor] = useState(() => new Date());

  const log = useInfiniteQuery({
    queryKey: ["usage", slug, "log", filters, anchor.getTime()],
    queryFn: ({ pageParam, signal }) => apiFetch<UsagePage>(slug, `usage?${usageQuery(filters, { limit: PAGE_SIZE, cursor: pageParam, now: anchor })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

  const writeUrl = (nextFilters: RequestLogFilters, request: string | null) => {
    const search = new URLSearchParams(filtersToSearch(nextFilters));
    if (request) search.set("request", request);
    const text = search.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${text ? `?${text}` : ""}`);
  };
  const changeFilters = (next: RequestLogFilters) => {
    setFilters(next);
    setAnchor(new Date());
    writeUrl(next, openId);
  };
  const open = (id: string | null) => {
    setOpenId(id);
    writeUrl(filters, id);
  };

  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          {role === "admin" && (
            <Link href={`/${slug}/gateway/overview`} className="text-sm text-muted hover:text-foreground">
              ← Overview
            </Link>
          )}
          <h2 className="text-lg font-semibold tracking-tight">Requests</h2>
          <p className="text-sm text-muted">
            {role === "admin" ? "Every request made with a key of this organization, refused ones included." : "The requests made with your personal keys, refused ones included."}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => changeFilters(filters)} pending={log.isRefetching && !log.isFetchingNextPage}>
            Refresh
          </Button>
          <ColumnChooser columns={columns} onToggle={toggleColumn} />
        </div>
      </div>

      <section aria-label="Filters" className="rounded-xl border border-border bg-surface p-5 shadow-sm">
        <RequestFilters filters={filters} onChange={changeFilters} options={labels.options} />
      </section>

      <section aria-label="Request log" aria-busy={log.isFetching} className="rounded-xl border border-border bg-surface pb-2 shadow-sm">
        {log.isPending ? (
          <div className="p-5">
            <LoadingBlock height={320} label="Loading requests" />
          </div>
        ) : log.isError && items.length === 0 ? (
          <div className="p-5">
            <ErrorBlock error={log.error} onRetry={() => void log.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <div className="p-5">
            <EmptyBlock title={filters.search ? "No request with this id" : "No requests match"}>
              {filters.search
                ? "Paste a request id (the x-gateway-request-id header) or a trace id, whole."
                : activeFilterCount(filters) > 0
                  ? "Try fewer filters or a longer period."
                  : "Requests show up here a moment after they are made."}
            </EmptyBlock>
          </div>
        ) : (
          <div className={log.isPlaceholderData ? "opacity-60 transition-opacity" : ""}>
            <p className="px-5 pt-4 pb-2 text-xs text-muted" aria-live="polite">
              {items.length} request{items.length === 1 ? "" : "s"} shown{log.hasNextPage ? ", more below" : ""}
            </p>
            <RequestLogTable items={items} columns={columns} labels={labels} onOpen={open} />
            <div className="flex justify-center px-5 pt-3">
              {log.hasNextPage ? (
                <Button variant="secondary" onClick={() => void log.fetchNextPage()} pending={log.isFetchingNextPage}>
                  Load more
                </Button>
              ) : (
                <p className="py-2 text-xs text-muted">That is every request that matches.</p>
              )}
            </div>
            {log.isFetchNextPageError && (
              <div className="px-5 pt-3">
                <ErrorBlock error={log.error} onRetry={() => void log.fetchNextPage()} />
              </div>
            )}
          </div>
        )}
      </section>

      <RequestDrawer requestId={openId} onClose={() => open(null)} />
    </div>
  );
}
