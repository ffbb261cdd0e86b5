/**
 * Card commands. Ordering: every command that places a card first locks the space channel, so
 * placements in one space run one after another and each computes its key from committed
 * neighbours; a move rewrites only the moving card's row. The unique (status_id, position) index is
 * the last line of defence.
 */
import { cardAccess, loadCard, type MutationContext, spaceAccess, tables } from "@lattice/db";
import {
  type Card,
  type CreateCardBody,
  draft,
  keyBetween,
  type MoveCardBody,
  spaceChannel,
  type UpdateCardBody,
  type User,
} from "@lattice/domain";
import { and, asc, desc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { authorize, invalidField } from "./authorize.js";

type Tx = MutationContext["tx"];

/** The whole card (people, labels, to-dos, blockings) as events and replies carry it. */
export const mustLoadCard = async (tx: Tx, id: string): Promise<Card> => {
  const card = await loadCard(tx, id);
  if (!card) throw new Error(`card ${id} vanished inside its own transaction`);
  return card;
};

const statusInSpace = async (tx: Tx, statusId: string, spaceId: string, field: string) => {
  const [status] = await tx
    .select()
    .from(tables.statuses)
    .where(and(eq(tables.statuses.id, statusId), eq(tables.statuses.spaceId, spaceId)));
  if (!status) throw invalidField(field, "is not a status of this card's space");
  return status;
};

/** The key of the card next to `position` in a column, on one side, ignoring the moving card. */
const neighbourKey = async (
  tx: Tx,
  statusId: string,
  position: string,
  side: "after" | "before",
  movingId: string | null,
): Promise<string | null> => {
  const [row] = await tx
    .select({ position: tables.cards.position })
    .from(tables.cards)
    .where(
      and(
        eq(tables.cards.statusId, statusId),
        side === "after" ? gt(tables.cards.position, position) : lt(tables.cards.position, position),
        movingId ? ne(tables.cards.id, movingId) : undefined,
      ),
    )
    .orderBy(side === "after" ? asc(tables.cards.position) : desc(tables.cards.position))
    .limit(1);
  return row?.position ?? null;
};

const edgeKey = async (tx: Tx, statusId: string, edge: "top" | "bottom", movingId: string | null) => {
  const [row] = await tx
    .select({ position: tables.cards.position })
    .from(tables.cards)
    .where(and(eq(tables.cards.statusId, statusId), movingId ? ne(tables.cards.id, movingId) : undefined))
    .orderBy(edge === "top" ? asc(tables.cards.position) : desc(tables.cards.position))
    .limit(1);
  const key = row?.position ?? null;
  return edge === "top" ? keyBetween(null, key) : keyBetween(key, null);
};

const placeInColumn = async (
  tx: Tx,
  statusId: string,
  placement: { afterId?: string | null | undefined; beforeId?: string | null | undefined },
  movingId: string | null,
): Promise<string> => {
  const anchorId = placement.afterId ?? placement.beforeId;
  if (!anchorId) return edgeKey(tx, statusId, placement.afterId === null ? "top" : "bottom", movingId);
  const field = placement.afterId ? "body.afterId" : "body.beforeId";
  if (anchorId === movingId) throw invalidField(field, "cannot be the moving card itself");
  const [anchor] = await tx
    .select({ position: tables.cards.position })
    .from(tables.cards)
    .where(and(eq(tables.cards.id, anchorId), eq(tables.cards.statusId, statusId)));
  if (!anchor) throw invalidField(field, "is not a card in the target status");
  if (placement.afterId) {
    return keyBetween(anchor.position, await neighbourKey(tx, statusId, anchor.position, "after", movingId));
  }
  return keyBetween(await neighbourKey(tx, statusId, anchor.position, "before", movingId), anchor.position);
};

export const createCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  spaceId: string,
  input: CreateCardBody,
): Promise<Card> => {
  await lock(spaceChannel(spaceId));
  const { space } = authorize(await spaceAccess(tx, actor.id, spaceId), "write_cards", "Space");
  const status = input.statusId
    ? await statusInSpace(tx, input.statusId, spaceId, "body.statusId")
    : (
        await tx
          .select()
          .from(tables.statuses)
          .where(eq(tables.statuses.spaceId, spaceId))
          .orderBy(asc(tables.statuses.position))
          .limit(1)
      )[0];
  if (!status) throw invalidField("body.statusId", "is required: the space has no status");
  const position = await edgeKey(tx, status.id, input.at, null);
  const now = new Date();
  const [row] = await tx
    .insert(tables.cards)
    .values({
      workspaceId: space.workspaceId,
      spaceId,
      statusId: status.id,
      name: input.name,
      description: input.description ?? "",
      position,
      createdBy: actor.id,
      completedAt: status.role === "completed" ? now : null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await tx.insert(tables.cardStatusChanges).values({
    workspaceId: space.workspaceId,
    spaceId,
    cardId: row.id,
    fromStatusId: null,
    toStatusId: status.id,
    fromRole: null,
    toRole: status.role,
    actorId: actor.id,
    at: row.createdAt,
  });
  const card = await mustLoadCard(tx, row.id);
  emit(draft(spaceChannel(spaceId), "card.created", { card }));
  return card;
};

export const updateCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  cardId: string,
  input: UpdateCardBody,
): Promise<Card> => {
  const before = await cardAccess(tx, actor.id, cardId);
  if (before) await lock(spaceChannel(before.card.spaceId));
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  const changes: Partial<typeof tables.cards.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description;
  if (input.archived !== undefined) changes.archivedAt = input.archived ? new Date() : null;
  const [row] = await tx
    .update(tables.cards)
    .set({ ...changes, updatedAt: new Date(), version: sql`${tables.cards.version} + 1` })
    .where(eq(tables.cards.id, cardId))
    .returning();
  if (!row) throw new Error("card vanished inside its own lock");
  const updated = await mustLoadCard(tx, row.id);
  emit(draft(spaceChannel(card.spaceId), "card.updated", { card: updated }));
  return updated;
};

export const moveCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  cardId: string,
  input: MoveCardBody,
): Promise<Card> => {
  const before = await cardAccess(tx, actor.id, cardId);
  if (before) await lock(spaceChannel(before.card.spaceId));
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  const target = await statusInSpace(tx, input.statusId, card.spaceId, "body.statusId");
  const position = await placeInColumn(tx, target.id, input, cardId);
  const isStatusChange = target.id !== card.statusId;
  const now = new Date();
  const changes: Partial<typeof tables.cards.$inferInsert> = {
    statusId: target.id,
    position,
    updatedAt: now,
  };
  if (isStatusChange) {
    const [from] = await tx.select().from(tables.statuses).where(eq(tables.statuses.id, card.statusId));
    changes.completedAt = target.role === "completed" ? (card.completedAt ?? now) : null;
    await tx.insert(tables.cardStatusChanges).values({
      workspaceId: card.workspaceId,
      spaceId: card.spaceId,
      cardId,
      fromStatusId: card.statusId,
      toStatusId: target.id,
      fromRole: from?.role ?? null,
      toRole: target.role,
      actorId: actor.id,
      at: now,
    });
  }
  const [row] = await tx
    .update(tables.cards)
    .set({ ...changes, version: sql`${tables.cards.version} + 1` })
    .where(eq(tables.cards.id, cardId))
    .returning();
  if (!row) throw new Error("card vanished inside its own lock");
  const moved = await mustLoadCard(tx, row.id);
  emit(draft(spaceChannel(card.spaceId), "card.moved", { card: moved, fromStatusId: card.statusId }));
  return moved;
};

export const deleteCard = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  cardId: string,
): Promise<void> => {
  const before = await cardAccess(tx, actor.id, cardId);
  if (before) await lock(spaceChannel(before.card.spaceId));
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "write_cards", "Card");
  await tx.delete(tables.cards).where(eq(tables.cards.id, cardId));
  emit(draft(spaceChannel(card.spaceId), "card.deleted", { cardId, spaceId: card.spaceId }));
};
