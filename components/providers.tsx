"use client";
// Client-side providers for the whole app: one TanStack Query client per
// browser tab, and the toast outlet.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Dashboard data changes mostly through this same tab; refetching on
        // every focus would only add load and flicker.
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Traffic moves usage and spend without any action in this tab: opening a
        // tab always shows current numbers (cached ones render meanwhile).
        refetchOnMount: "always",
        retry: 1,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  // useState, not a module constant: each request on the server and each tab
  // in the browser must get its own cache.
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Toaster position="bottom-right" theme="system" richColors closeButton />
    </QueryClientProvider>
  );
}
