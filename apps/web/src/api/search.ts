/**
 * Finding work: full-text search, "my work" across spaces and the activity streams. Every reply is
 * parsed with its domain schema.
 *
 * A search is a lookup shared by the header's search box and the card panel's "add relation" form:
 * held in the query cache under `searchKeys.of(q, limit)`, so the same words are asked once however
 * many views show them at once. It spans spaces this tab does not follow, so it is kept only while a
 * view shows it (`gcTime: 0`: the same words typed again later are asked again), and the card and
 * comment events of the followed channels mark every cached search stale (sync/query-bridge.ts), so
 * an open result list follows them.
 */
import {
  type ActivityPage,
  activityPageSchema,
  type MyWork,
  myWorkSchema,
  type SearchHit,
  searchReplySchema,
} from "@lattice/domain";
import { useQuery } from "@tanstack/react-query";
import { request } from "./client";
import { queryClient } from "./query-client";

export type { MyWork, MyWorkItem, SearchHit } from "@lattice/domain";
export const myWorkGroups = ["overdue", "this_week", "later", "no_date"] as const;
export type MyWorkGroup = (typeof myWorkGroups)[number];

export const searchKeys = {
  all: ["search"] as const,
  of: (q: string, limit: number) => ["search", q, limit] as const,
};

export const findApi = {
  search: (q: string, limit: number, signal?: AbortSignal) =>
    request(
      "GET",
      `/api/search?${new URLSearchParams({ q, limit: String(limit) })}`,
      searchReplySchema,
      signal ? { signal } : {},
    ).then((reply) => reply.items),
  myCards: (today: string): Promise<MyWork> =>
    request("GET", `/api/me/cards?today=${encodeURIComponent(today)}`, myWorkSchema),
  spaceActivity: (spaceId: string, before: string | null, limit = 50): Promise<ActivityPage> => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before) query.set("before", before);
    return request("GET", `/api/spaces/${spaceId}/activity?${query}`, activityPageSchema);
  },
  myActivity: (before: string | null, limit = 30): Promise<ActivityPage> => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before) query.set("before", before);
    return request("GET", `/api/me/activity?${query}`, activityPageSchema);
  },
};

const noHits: SearchHit[] = [];

/**
 * The cards matching `q` (trimmed; empty asks nothing). `hits` keeps the last answer while the next
 * one loads, so the list does not flicker as the person types.
 */
export const useSearch = (
  q: string,
  limit: number,
): { hits: SearchHit[]; status: "idle" | "loading" | "ready" | "error"; error: unknown } => {
  const query = useQuery(
    {
      queryKey: searchKeys.of(q, limit),
      queryFn: ({ signal }) => findApi.search(q, limit, signal),
      enabled: q !== "",
      gcTime: 0,
      placeholderData: (previous) => previous,
    },
    queryClient,
  );
  if (q === "") return { hits: noHits, status: "idle", error: null };
  const status = query.isError ? "error" : query.isPlaceholderData || query.isPending ? "loading" : "ready";
  return { hits: query.data ?? noHits, status, error: query.error };
};
