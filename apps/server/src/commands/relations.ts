/**
 * Card relations. Both cards must be readable and writable by the caller and live in the same
 * workspace; a relation that would close a cycle is refused with 409, naming the cycle. Creation
 * is serialized per workspace (an advisory lock), so two concurrent relations cannot together
 * close a cycle that neither closes alone.
 */
import { cardAccess, type MutationContext, tables } from "@lattice/db";
import {
  type CardRelation,
  type CreateRelationBody,
  DomainError,
  draft,
  ErrorCode,
  findCycle,
  type RelationKind,
  spaceChannel,
  type User,
} from "@lattice/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { authorize, invalidField } from "./authorize.js";

type Tx = MutationContext["tx"];

export const toRelation = (row: typeof tables.cardRelations.$inferSelect): CardRelation => ({
  id: row.id,
  workspaceId: row.workspaceId,
  kind: row.kind,
  fromCardId: row.fromCardId,
  toCardId: row.toCardId,
  createdAt: row.createdAt.toISOString(),
});

const emitToSpaces = (
  emit: MutationContext["emit"],
  spaceIds: Iterable<string>,
  type: "relation.created" | "relation.deleted",
  relation: CardRelation,
) => {
  for (const spaceId of new Set(spaceIds)) emit(draft(spaceChannel(spaceId), type, { relation }));
};

export const createRelation = async (
  { tx, emit }: MutationContext,
  actor: User,
  cardId: string,
  input: CreateRelationBody,
): Promise<CardRelation> => {
  const self = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  const other = await cardAccess(tx, actor.id, input.cardId);
  if (!other || other.card.workspaceId !== self.card.workspaceId) {
    throw invalidField("body.cardId", "is not a card of this workspace that you can see");
  }
  authorize(other, "write_cards", "Card");
  if (other.card.id === cardId) throw invalidField("body.cardId", "cannot be the card itself");
  const kind: RelationKind = input.type === "parent" || input.type === "child" ? "parent" : "next";
  // parent: the other card is this card's parent; child: this card is the other's parent; likewise next.
  const [fromCardId, toCardId] =
    input.type === "parent" || input.type === "previous" ? [input.cardId, cardId] : [cardId, input.cardId];
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`lattice:relations:${self.card.workspaceId}`}))`,
  );
  const existing = await tx
    .select()
    .from(tables.cardRelations)
    .where(
      and(eq(tables.cardRelations.workspaceId, self.card.workspaceId), eq(tables.cardRelations.kind, kind)),
    );
  if (existing.some((r) => r.fromCardId === fromCardId && r.toCardId === toCardId)) {
    throw new DomainError(ErrorCode.conflict, "These cards are already related this way");
  }
  const cycle = findCycle(
    existing.map((r) => ({ from: r.fromCardId, to: r.toCardId })),
    { from: fromCardId, to: toCardId },
  );
  if (cycle) {
    const names = await tx
      .select({ id: tables.cards.id, name: tables.cards.name })
      .from(tables.cards)
      .where(inArray(tables.cards.id, [...new Set(cycle)]));
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const arrow = kind === "parent" ? " is parent of " : " comes before ";
    throw new DomainError(
      ErrorCode.cycle,
      `This would close a cycle: ${cycle.map((id) => `'${nameOf.get(id) ?? id}'`).join(arrow)}`,
    );
  }
  const [row] = await tx
    .insert(tables.cardRelations)
    .values({ workspaceId: self.card.workspaceId, kind, fromCardId, toCardId, createdBy: actor.id })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const relation = toRelation(row);
  emitToSpaces(emit, [self.card.spaceId, other.card.spaceId], "relation.created", relation);
  return relation;
};

export const deleteRelation = async (
  { tx, emit }: MutationContext,
  actor: User,
  relationId: string,
): Promise<void> => {
  const [row] = await tx.select().from(tables.cardRelations).where(eq(tables.cardRelations.id, relationId));
  const from = row ? await cardAccess(tx, actor.id, row.fromCardId) : null;
  const to = row ? await cardAccess(tx, actor.id, row.toCardId) : null;
  // Security: seeing either end is enough to know the relation exists; changing it takes both.
  authorize(from ?? to, "write_cards", "Relation");
  authorize(from && to ? to : null, "write_cards", "Relation");
  if (!row || !from || !to) throw new DomainError(ErrorCode.notFound, "Relation not found");
  await tx.delete(tables.cardRelations).where(eq(tables.cardRelations.id, relationId));
  emitToSpaces(emit, [from.card.spaceId, to.card.spaceId], "relation.deleted", toRelation(row));
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
