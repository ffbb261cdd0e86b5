/**
 * The one TanStack Query client of the tab: the lookups many views share (members, labels) live in
 * its cache, each fetched once however many views ask, and the live events mark them stale
 * (`sync/query-bridge.ts`) so every view sees a change at once.
 *
 * Hooks pass this client to `useQuery` themselves rather than reading it from a provider: the
 * lookups are used in components rendered in many places (and in tests) and the client is one per
 * tab anyway. Only the signed-in part of the app imports it, so the sign-in page loads without it.
 */
import { QueryClient } from "@tanstack/react-query";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Live events say when a lookup changed; until then what is cached is current.
      staleTime: Number.POSITIVE_INFINITY,
      // A refused lookup (a visitor may not list members) is not asked again at once.
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});
