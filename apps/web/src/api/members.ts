/**
 * A workspace's members: the one lookup every people picker, card front, chart filter and the
 * workload read. Held in the query cache under `memberKeys.of(workspaceId)`, fetched once however
 * many views ask, and marked stale by the workspace channel's member.* events (sync/query-bridge.ts).
 */
import { type Member, memberListSchema } from "@lattice/domain";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { request } from "./client";
import { queryClient } from "./query-client";

export const memberKeys = {
  all: ["members"] as const,
  of: (workspaceId: string) => ["members", workspaceId] as const,
};

const byName = (a: Member, b: Member) => a.name.localeCompare(b.name);

export const membersApi = {
  list: (workspaceId: string) =>
    request("GET", `/api/workspaces/${workspaceId}/members`, memberListSchema).then((list) =>
      [...list].sort(byName),
    ),
};

const membersQuery = (workspaceId: string) => ({
  queryKey: memberKeys.of(workspaceId),
  queryFn: () => membersApi.list(workspaceId),
  enabled: workspaceId !== "",
});

const noMembers: Member[] = [];

/**
 * The members by name; empty while loading and when the person may not list them (a visitor: the
 * pickers then offer nobody rather than an error). `isLoaded` tells an empty list from not yet known.
 */
export const useWorkspaceMembers = (
  workspaceId: string,
): { members: Member[]; isLoaded: boolean; error: unknown } => {
  const query = useQuery(membersQuery(workspaceId), queryClient);
  return { members: query.data ?? noMembers, isLoaded: query.data !== undefined, error: query.error };
};

/**
 * The names of the members of `workspaceIds` by user id, from their members lists (each fetched once,
 * as every other view shares them); asks for nothing while `enabled` is false.
 */
export const useMemberNames = (
  workspaceIds: readonly string[],
  enabled = true,
): ReadonlyMap<string, string> =>
  useQueries(
    {
      queries: workspaceIds.map((id) => ({ ...membersQuery(id), enabled: enabled && id !== "" })),
      combine: (results) => new Map(results.flatMap((r) => (r.data ?? []).map((m) => [m.userId, m.name]))),
    },
    queryClient,
  );

/** The name of `userId` as the cached members of `workspaceId` give it; null if not cached. */
export const cachedMemberName = (workspaceId: string, userId: string): string | null =>
  queryClient.getQueryData<Member[]>(memberKeys.of(workspaceId))?.find((m) => m.userId === userId)?.name ??
  null;

/** Puts a member this tab just changed in the cache at once (the event that follows confirms it). */
export const putMember = (member: Member): void => {
  queryClient.setQueryData<Member[]>(memberKeys.of(member.workspaceId), (list) =>
    list ? [...list.filter((m) => m.userId !== member.userId), member].sort(byName) : list,
  );
};

/** Takes out a member this tab just removed (the event that follows confirms it). */
export const dropMember = (workspaceId: string, userId: string): void => {
  queryClient.setQueryData<Member[]>(memberKeys.of(workspaceId), (list) =>
    list?.filter((m) => m.userId !== userId),
  );
};

/** Marks the workspace's members stale: shown lists are fetched again. */
export const refreshMembers = (workspaceId: string): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: memberKeys.of(workspaceId) });

/** The members, fetched unless cached (for a one-off read outside a component). */
export const fetchMembers = (workspaceId: string): Promise<Member[]> =>
  queryClient.fetchQuery(membersQuery(workspaceId));

/** The initials colour `userId` chose, as any cached members list says; null if none says so. */
const chosenColorOf = (userId: string): string | null => {
  for (const [, list] of queryClient.getQueriesData<Member[]>({ queryKey: memberKeys.all })) {
    const member = list?.find((m) => m.userId === userId);
    if (member) return member.color;
  }
  return null;
};

const subscribeToCache = (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange);

/** The colour `userId` chose, kept current as members lists load and change. */
export const useChosenColor = (userId: string): string | null =>
  useSyncExternalStore(subscribeToCache, () => chosenColorOf(userId));
