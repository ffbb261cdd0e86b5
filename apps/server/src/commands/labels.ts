/**
 * Labels belong to a space; members and owners manage them. Putting labels on cards is the card's
 * own PATCH. Deleting a label takes it off every card (the foreign key cascades), and each of those
 * cards is announced again so boards drop the label.
 */
import { type Executor, loadCards, type MutationContext, spaceAccess, tables } from "@lattice/db";
import type { createLabelBody, updateLabelBody } from "@lattice/domain";
import {
  type Card,
  DomainError,
  draft,
  ErrorCode,
  type Label,
  spaceChannel,
  type User,
} from "@lattice/domain";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize } from "./authorize.js";

type Tx = MutationContext["tx"];

export const toLabel = (row: typeof tables.labels.$inferSelect): Label => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  name: row.name,
  color: row.color,
});

/**
 * Bumps the version of cards whose derived content (to-do counts, labels) changed and returns them
 * whole, as `card.updated` carries them.
 */
export const touchCards = async (tx: Tx, cardIds: readonly string[]): Promise<Card[]> => {
  if (cardIds.length === 0) return [];
  await tx
    .update(tables.cards)
    .set({ updatedAt: new Date(), version: sql`${tables.cards.version} + 1` })
    .where(inArray(tables.cards.id, [...cardIds]));
  return loadCards(tx, { ids: cardIds });
};

export const listLabels = async (db: Executor, actor: User, spaceId: string): Promise<Label[]> => {
  authorize(await spaceAccess(db, actor.id, spaceId), "read", "Space");
  const rows = await db
    .select()
    .from(tables.labels)
    .where(eq(tables.labels.spaceId, spaceId))
    .orderBy(asc(tables.labels.name), asc(tables.labels.id));
  return rows.map(toLabel);
};

export const createLabel = async (
  { tx, emit }: MutationContext,
  actor: User,
  spaceId: string,
  input: z.infer<typeof createLabelBody>,
): Promise<Label> => {
  const { space } = authorize(await spaceAccess(tx, actor.id, spaceId), "write_cards", "Space");
  const [row] = await tx
    .insert(tables.labels)
    .values({ workspaceId: space.workspaceId, spaceId, name: input.name, color: input.color.toLowerCase() })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const label = toLabel(row);
  emit(draft(spaceChannel(spaceId), "label.created", { label }));
  return label;
};

const labelAccess = async (db: Executor, actor: User, labelId: string) => {
  const [label] = await db.select().from(tables.labels).where(eq(tables.labels.id, labelId));
  if (!label) throw new DomainError(ErrorCode.notFound, "Label not found");
  const access = authorize(await spaceAccess(db, actor.id, label.spaceId), "write_cards", "Label");
  return { ...access, label };
};

export const updateLabel = async (
  { tx, emit }: MutationContext,
  actor: User,
  labelId: string,
  input: z.infer<typeof updateLabelBody>,
): Promise<Label> => {
  const { label } = await labelAccess(tx, actor, labelId);
  const changes: Partial<typeof tables.labels.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.color !== undefined) changes.color = input.color.toLowerCase();
  const [row] =
    Object.keys(changes).length > 0
      ? await tx.update(tables.labels).set(changes).where(eq(tables.labels.id, labelId)).returning()
      : [label];
  if (!row) throw new Error("label vanished inside its own transaction");
  const updated = toLabel(row);
  emit(draft(spaceChannel(label.spaceId), "label.updated", { label: updated }));
  return updated;
};

export const deleteLabel = async (
  { tx, emit, lock }: MutationContext,
  actor: User,
  labelId: string,
): Promise<void> => {
  const { label } = await labelAccess(tx, actor, labelId);
  await lock(spaceChannel(label.spaceId));
  const onCards = await tx
    .select({ cardId: tables.cardLabels.cardId })
    .from(tables.cardLabels)
    .where(eq(tables.cardLabels.labelId, labelId));
  await tx.delete(tables.labels).where(eq(tables.labels.id, labelId));
  emit(draft(spaceChannel(label.spaceId), "label.deleted", { labelId, spaceId: label.spaceId }));
  for (const card of await touchCards(
    tx,
    onCards.map((c) => c.cardId),
  )) {
    emit(draft(spaceChannel(card.spaceId), "card.updated", { card }));
  }
};
