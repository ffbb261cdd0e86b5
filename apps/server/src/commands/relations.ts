/**
 * Card relations. Both cards must be readable and writable by the caller and live in the same
 * workspace; a relation that would close a cycle is refused with 409, naming the cycle. Creation
 * is serialized per workspace (an advisory lock), so two concurrent relations cannot together
 * close a cycle that neither closes alone.
 */
import { randomUUID } from "node:crypto";
import {
  loadRelation,
  loadRelationEnds,
  loadRelationGraph,
  lockRelations,
  type MutationContext,
  persistRelation,
  spaceRoles,
  tables,
  toRelation,
} from "@lattice/db";
import {
  type CardRelation,
  type CreateRelationBody,
  ErrorCode,
  isRefusal,
  createRelation as mutateCreateRelation,
  deleteRelation as mutateDeleteRelation,
  relationOf,
  type User,
} from "@lattice/domain";
import { sql } from "drizzle-orm";

export { toRelation };

type Tx = MutationContext["tx"];

/**
 * load both ends → (when this card exists) lock the workspace's relations → load its graph → the
 * domain's mutator (authorize both, same workspace, no duplicate, no cycle) → persist → emit.
 */
export const createRelation = async (
  { tx, emit }: MutationContext,
  actor: User,
  cardId: string,
  input: CreateRelationBody,
): Promise<CardRelation> => {
  const ends = await loadRelationEnds(tx, actor.id, [cardId, input.cardId]);
  const card = ends.get(cardId) ?? null;
  const { kind } = relationOf(cardId, input);
  if (card?.role) await lockRelations(tx, card.workspaceId);
  const { edges, names, spaceOf } = card?.role
    ? await loadRelationGraph(tx, card.workspaceId, kind)
    : { edges: [], names: {}, spaceOf: {} };
  const context = { card, other: ends.get(input.cardId) ?? null, edges, names, relationId: randomUUID() };
  const now = new Date();
  let result = mutateCreateRelation(context, input, actor, now);
  if (isRefusal(result) && result.code === ErrorCode.cycle) {
    // The cycle is told naming only the cards the actor may read: asked only when one is refused.
    const readable = new Set(
      (await spaceRoles(tx, { userIds: [actor.id], spaceIds: [...new Set(Object.values(spaceOf))] })).map(
        (role) => role.spaceId,
      ),
    );
    const readableNames = Object.fromEntries(
      Object.entries(names).filter(([id]) => readable.has(spaceOf[id] ?? "")),
    );
    result = mutateCreateRelation({ ...context, names: readableNames }, input, actor, now);
  }
  if (isRefusal(result)) throw result;
  await persistRelation(tx, result.changes.relation, "created", actor.id);
  for (const event of result.events) emit(event);
  return result.changes.relation;
};

/** load the relation and its ends → the domain's mutator → persist → emit. */
export const deleteRelation = async (
  { tx, emit }: MutationContext,
  actor: User,
  relationId: string,
): Promise<void> => {
  const relation = await loadRelation(tx, relationId);
  const ends = relation
    ? await loadRelationEnds(tx, actor.id, [relation.fromCardId, relation.toCardId])
    : new Map<string, never>();
  const context = {
    relation,
    from: relation ? (ends.get(relation.fromCardId) ?? null) : null,
    to: relation ? (ends.get(relation.toCardId) ?? null) : null,
  };
  const result = mutateDeleteRelation(context, {}, actor, new Date());
  if (isRefusal(result)) throw result;
  await persistRelation(tx, result.changes.relation, "deleted", actor.id);
  for (const event of result.events) emit(event);
};

/** Relations touching any of the given cards, and the cards at their other ends. */
export const relationsAround = async (
  tx: Tx | import("@lattice/db").Database,
  cardIds: readonly string[],
) => {
  if (cardIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(tables.cardRelations)
    .where(
      sql`${tables.cardRelations.fromCardId} = ANY(${sql.param([...cardIds])}::uuid[]) OR ${tables.cardRelations.toCardId} = ANY(${sql.param([...cardIds])}::uuid[])`,
    );
  return rows.map(toRelation);
};
