/**
 * A card's relations (parents, children, previous, next) as the card panel lists them. Held in the
 * query cache under `relationKeys.of(cardId)`, fetched once however many views ask, and marked stale
 * by the live events that change what they show (sync/query-bridge.ts): relation.* for both of the
 * cards it links, and a card event for every cached list that names the card (its name, dates or
 * status changed).
 */
import {
  type CardRelation,
  type CardRelations,
  cardRelationsSchema,
  type RelatedEntry,
  relationSchema,
} from "@lattice/domain";
import { type QueryClient, type QueryKey, useQuery } from "@tanstack/react-query";
import { request, requestEmpty } from "./client";
import { queryClient } from "./query-client";

export type { CardRelations, RelatedEntry } from "@lattice/domain";
export type RelationType = "parent" | "child" | "previous" | "next";

export const relationKeys = {
  all: ["relations"] as const,
  of: (cardId: string) => ["relations", cardId] as const,
};

export const relationsApi = {
  of: (cardId: string) => request("GET", `/api/cards/${cardId}/relations`, cardRelationsSchema),
  add: (cardId: string, type: RelationType, otherCardId: string): Promise<CardRelation> =>
    request("POST", `/api/cards/${cardId}/relations`, relationSchema, {
      body: { type, cardId: otherCardId },
    }),
  remove: (relationId: string) => requestEmpty("DELETE", `/api/relations/${relationId}`),
};

const groupsOf = (relations: CardRelations): RelatedEntry[][] => [
  relations.parents,
  relations.children,
  relations.previous,
  relations.next,
];

/** The card's relations (null while loading) and why they could not be read. */
export const useCardRelations = (cardId: string): { relations: CardRelations | null; error: unknown } => {
  const query = useQuery(
    { queryKey: relationKeys.of(cardId), queryFn: () => relationsApi.of(cardId) },
    queryClient,
  );
  return { relations: query.data ?? null, error: query.error };
};

/** Marks the card's relations stale (this tab just changed them; the event confirms it). */
export const refreshRelations = (cardId: string): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: relationKeys.of(cardId) });

/** The cached relation lists that show `cardId` as a related card. */
export const relationKeysNaming = (client: QueryClient, cardId: string): QueryKey[] =>
  client
    .getQueriesData<CardRelations>({ queryKey: relationKeys.all })
    .flatMap(([queryKey, relations]) =>
      relations && groupsOf(relations).some((group) => group.some((entry) => entry.id === cardId))
        ? [queryKey]
        : [],
    );
