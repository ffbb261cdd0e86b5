/**
 * Personal reminders: one per person and card, seen only by its owner (its events go to the owner's
 * channel, never to the space). Setting it again replaces it and makes it due again.
 */
import { cardAccess, type Executor, type MutationContext, tables } from "@lattice/db";
import { draft, type Reminder, type setReminderBody, type User, userChannel } from "@lattice/domain";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize } from "./authorize.js";

export const toReminder = (row: typeof tables.cardReminders.$inferSelect): Reminder => ({
  id: row.id,
  cardId: row.cardId,
  remindAt: row.remindAt.toISOString(),
  note: row.note,
  deliveredAt: row.deliveredAt ? row.deliveredAt.toISOString() : null,
});

const mine = (userId: string, cardId: string) =>
  and(eq(tables.cardReminders.cardId, cardId), eq(tables.cardReminders.userId, userId));

export const getReminder = async (db: Executor, actor: User, cardId: string): Promise<Reminder | null> => {
  authorize(await cardAccess(db, actor.id, cardId), "read", "Card");
  const [row] = await db.select().from(tables.cardReminders).where(mine(actor.id, cardId));
  return row ? toReminder(row) : null;
};

export const setReminder = async (
  { tx, emit }: MutationContext,
  actor: User,
  cardId: string,
  input: z.infer<typeof setReminderBody>,
): Promise<Reminder> => {
  const { card } = authorize(await cardAccess(tx, actor.id, cardId), "read", "Card");
  const remindAt = new Date(input.remindAt);
  const note = input.note?.trim() ?? "";
  const [row] = await tx
    .insert(tables.cardReminders)
    .values({ cardId, userId: actor.id, workspaceId: card.workspaceId, remindAt, note })
    .onConflictDoUpdate({
      target: [tables.cardReminders.cardId, tables.cardReminders.userId],
      set: { remindAt, note, deliveredAt: sql`NULL` },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  const reminder = toReminder(row);
  emit(draft(userChannel(actor.id), "reminder.updated", { cardId, reminder }));
  return reminder;
};

export const deleteReminder = async (
  { tx, emit }: MutationContext,
  actor: User,
  cardId: string,
): Promise<void> => {
  authorize(await cardAccess(tx, actor.id, cardId), "read", "Card");
  const removed = await tx
    .delete(tables.cardReminders)
    .where(mine(actor.id, cardId))
    .returning({ id: tables.cardReminders.id });
  if (removed.length > 0) emit(draft(userChannel(actor.id), "reminder.updated", { cardId, reminder: null }));
};
