/**
 * The SQL of saved templates: a workspace's space templates and a space's card templates, and what
 * making or using one reads (members, a space's labels, a card's to-dos). Who may do what is decided
 * by the caller; these statements only read and write rows.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "./client.js";
import { cards, cardTemplates, labels, spaceTemplates, todoItems, workspaceMembers } from "./schema/index.js";

export type SpaceTemplateRow = typeof spaceTemplates.$inferSelect;
export type CardTemplateRow = typeof cardTemplates.$inferSelect;

/** A workspace's own space templates by name. */
export const spaceTemplatesOf = (db: Executor, workspaceId: string): Promise<SpaceTemplateRow[]> =>
  db
    .select()
    .from(spaceTemplates)
    .where(eq(spaceTemplates.workspaceId, workspaceId))
    .orderBy(asc(spaceTemplates.name), asc(spaceTemplates.id));

/** A saved space template, or null; with `workspaceId`, only when it belongs to that workspace. */
export const spaceTemplateById = async (
  db: Executor,
  templateId: string,
  workspaceId?: string,
): Promise<SpaceTemplateRow | null> => {
  const [row] = await db
    .select()
    .from(spaceTemplates)
    .where(
      workspaceId === undefined
        ? eq(spaceTemplates.id, templateId)
        : and(eq(spaceTemplates.id, templateId), eq(spaceTemplates.workspaceId, workspaceId)),
    );
  return row ?? null;
};

export const insertSpaceTemplate = async (
  db: Executor,
  values: typeof spaceTemplates.$inferInsert,
): Promise<SpaceTemplateRow> => {
  const [row] = await db.insert(spaceTemplates).values(values).returning();
  if (!row) throw new Error("insert returned no template");
  return row;
};

/** Renames or re-describes a space template (stamping `updatedAt`); null when it is gone. */
export const updateSpaceTemplateRow = async (
  db: Executor,
  templateId: string,
  changes: { name?: string; description?: string; updatedAt: Date },
): Promise<SpaceTemplateRow | null> => {
  const [row] = await db
    .update(spaceTemplates)
    .set(changes)
    .where(eq(spaceTemplates.id, templateId))
    .returning();
  return row ?? null;
};

export const deleteSpaceTemplateRow = async (db: Executor, templateId: string): Promise<void> => {
  await db.delete(spaceTemplates).where(eq(spaceTemplates.id, templateId));
};

/** The ids of a workspace's members. */
export const workspaceMemberIds = async (db: Executor, workspaceId: string): Promise<Set<string>> =>
  new Set(
    (
      await db
        .select({ userId: workspaceMembers.userId })
        .from(workspaceMembers)
        .where(eq(workspaceMembers.workspaceId, workspaceId))
    ).map((r) => r.userId),
  );

/** A space's card templates by name. */
export const cardTemplatesOf = (db: Executor, spaceId: string): Promise<CardTemplateRow[]> =>
  db
    .select()
    .from(cardTemplates)
    .where(eq(cardTemplates.spaceId, spaceId))
    .orderBy(asc(cardTemplates.name), asc(cardTemplates.id));

export const cardTemplateById = async (db: Executor, templateId: string): Promise<CardTemplateRow | null> => {
  const [row] = await db.select().from(cardTemplates).where(eq(cardTemplates.id, templateId));
  return row ?? null;
};

export const insertCardTemplateRow = async (
  db: Executor,
  values: typeof cardTemplates.$inferInsert,
): Promise<CardTemplateRow> => {
  const [row] = await db.insert(cardTemplates).values(values).returning();
  if (!row) throw new Error("insert returned no card template");
  return row;
};

export const deleteCardTemplateRow = async (db: Executor, templateId: string): Promise<void> => {
  await db.delete(cardTemplates).where(eq(cardTemplates.id, templateId));
};

/** Of `labelIds`, those that are labels of the space (no query for none). */
export const spaceLabelIdsAmong = async (
  db: Executor,
  spaceId: string,
  labelIds: readonly string[],
): Promise<Set<string>> =>
  labelIds.length === 0
    ? new Set()
    : new Set(
        (
          await db
            .select({ id: labels.id })
            .from(labels)
            .where(and(eq(labels.spaceId, spaceId), inArray(labels.id, [...labelIds])))
        ).map((r) => r.id),
      );

/** The space a card is in, or null when there is no such card. */
export const spaceIdOfCard = async (db: Executor, cardId: string): Promise<string | null> => {
  const [row] = await db.select({ spaceId: cards.spaceId }).from(cards).where(eq(cards.id, cardId));
  return row?.spaceId ?? null;
};

/** A card's to-do texts in their order. */
export const todoTextsOf = async (db: Executor, cardId: string): Promise<string[]> =>
  (
    await db
      .select({ text: todoItems.text })
      .from(todoItems)
      .where(eq(todoItems.cardId, cardId))
      .orderBy(asc(todoItems.position), asc(todoItems.id))
  ).map((t) => t.text);
