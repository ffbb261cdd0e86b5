/**
 * A space's blocker types with how many cards each blocks now: read by the card panel's Block form
 * and the blocker-types dialog. Held in the query cache under `blockerTypeKeys.of(spaceId)`, fetched
 * once however many views ask, and marked stale by the space channel's blocking.* events (their
 * counts change; sync/query-bridge.ts). A type is announced by no event: the tab that creates or
 * enables one marks the lists stale itself.
 */
import { type BlockerType, blockerTypeListSchema, blockerTypeSchema } from "@lattice/domain";
import { useQuery } from "@tanstack/react-query";
import { request } from "./client";
import { queryClient } from "./query-client";

export const blockerTypeKeys = {
  all: ["blocker-types"] as const,
  of: (spaceId: string) => ["blocker-types", spaceId] as const,
};

export const blockerTypesApi = {
  list: (spaceId: string) => request("GET", `/api/spaces/${spaceId}/blocker-types`, blockerTypeListSchema),
  createLocal: (spaceId: string, body: { name: string; description?: string }) =>
    request("POST", `/api/spaces/${spaceId}/blocker-types`, blockerTypeSchema, { body }),
  /** Global and on-demand types, for every space (the instance administrator only). */
  createForEverySpace: (body: { kind: "global" | "on_demand"; name: string; description?: string }) =>
    request("POST", "/api/blocker-types", blockerTypeSchema, { body }),
  setOnDemandEnabled: (spaceId: string, typeId: string, enabled: boolean) =>
    request("PUT", `/api/spaces/${spaceId}/blocker-types/${typeId}/enabled`, blockerTypeSchema, {
      body: { enabled },
    }),
};

/** The space's blocker types (null while loading) and why they could not be read. */
export const useBlockerTypes = (spaceId: string): { types: BlockerType[] | null; error: unknown } => {
  const query = useQuery(
    { queryKey: blockerTypeKeys.of(spaceId), queryFn: () => blockerTypesApi.list(spaceId) },
    queryClient,
  );
  return { types: query.data ?? null, error: query.error };
};

/** Puts a type this tab just created or changed in the space's list at once, then asks again. */
export const putBlockerType = async (spaceId: string, type: BlockerType): Promise<void> => {
  queryClient.setQueryData<BlockerType[]>(blockerTypeKeys.of(spaceId), (list) =>
    list ? [...list.filter((t) => t.id !== type.id), type] : list,
  );
  // A global or on-demand type is listed in every space.
  await queryClient.invalidateQueries({
    queryKey: type.spaceId ? blockerTypeKeys.of(spaceId) : blockerTypeKeys.all,
  });
};
