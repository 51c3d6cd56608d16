import { QueryClient, isServer } from "@tanstack/react-query";

/**
 * Builds a QueryClient with Remit's defaults. The matrix arrives with the page (server
 * fetch + `initialData`), so a short staleTime keeps the first paint from refetching,
 * while a refocused tab still picks up other people's edits.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: true,
        // 4xx answers do not get better by asking again.
        retry: (failureCount, error) => {
          const status = (error as { status?: unknown } | null)?.status;
          if (typeof status === "number" && status >= 400 && status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: {
        // A write is never retried blindly: a retry after a lost response would be stale.
        retry: false,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/**
 * One client per browser tab (so navigating between screens keeps the cache), a fresh
 * one per request on the server (so users never share a cache).
 */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
