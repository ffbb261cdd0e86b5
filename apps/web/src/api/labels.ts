/**
 * A space's labels: read by card fronts, the card panel, filters and charts. Held in the query cache
 * under `labelKeys.of(spaceId)`, fetched once however many views ask, and marked stale by the space
 * channel's label.* events (sync/query-bridge.ts).
 */
import { type Label, labelListSchema, labelSchema } from "@lattice/domain";
import { useQuery } from "@tanstack/react-query";
import { request, requestEmpty } from "./client";
import { queryClient } from "./query-client";

export const labelKeys = {
  all: ["labels"] as const,
  of: (spaceId: string) => ["labels", spaceId] as const,
};

const byName = (a: Label, b: Label) => a.name.localeCompare(b.name);

export const labelsApi = {
  list: (spaceId: string) =>
    request("GET", `/api/spaces/${spaceId}/labels`, labelListSchema).then((list) => [...list].sort(byName)),
  create: (spaceId: string, body: { name: string; color: string }) =>
    request("POST", `/api/spaces/${spaceId}/labels`, labelSchema, { body }),
  update: (labelId: string, body: { name?: string; color?: string; serviceLevelDays?: number | null }) =>
    request("PATCH", `/api/labels/${labelId}`, labelSchema, { body }),
  remove: (labelId: string) => requestEmpty("DELETE", `/api/labels/${labelId}`),
};

const labelsQuery = (spaceId: string) => ({
  queryKey: labelKeys.of(spaceId),
  queryFn: () => labelsApi.list(spaceId),
  // A chart of a folder or workspace has no space.
  enabled: spaceId !== "",
});

const noLabels: Label[] = [];

/** The space's labels by name; empty while loading. */
export const useSpaceLabels = (spaceId: string): Label[] =>
  useQuery(labelsQuery(spaceId), queryClient).data ?? noLabels;

/** Puts a label this tab just created or changed in the cache at once (its event follows). */
export const putLabel = (label: Label): void => {
  queryClient.setQueryData<Label[]>(labelKeys.of(label.spaceId), (list) =>
    list ? [...list.filter((l) => l.id !== label.id), label].sort(byName) : list,
  );
};

/** Marks the space's labels stale: shown ones are fetched again. */
export const refreshLabels = (spaceId: string): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: labelKeys.of(spaceId) });
