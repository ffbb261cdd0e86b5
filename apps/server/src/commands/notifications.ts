/**
 * Notifications: rows addressed to one person, each announced on that person's own channel
 * (`user:<id>`) in the same transaction as the change that caused it.
 *
 * A person who chose a notification's topic "instantly" also gets it by e-mail, queued in the same
 * transaction (see mail/notification-mail.ts).
 *
 * Security: a notification names a card, so it only goes to people who can read the card's space
 * at the time; followers who lost access are skipped, never told.
 */
import { type Executor, type MutationContext, spaceRoles, tables } from "@lattice/db";
import { draft, type Notification, type NotificationKind, userChannel } from "@lattice/domain";
import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { queueInstantMail } from "../mail/notification-mail.js";

export const toNotification = (row: typeof tables.notifications.$inferSelect): Notification => ({
  id: row.id,
  kind: row.kind,
  workspaceId: row.workspaceId,
  cardId: row.cardId,
  actorId: row.actorId,
  data: (row.data ?? {}) as Record<string, unknown>,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Of `userIds`, those who may read the space (the one role query, see @lattice/db roles.ts). */
export const readersOfSpace = async (
  db: Executor,
  spaceId: string,
  userIds: readonly string[],
): Promise<string[]> => {
  // Mentions come from free text: only well-formed ids reach the query (a malformed one is no one).
  const ids = [...new Set(userIds)].filter((id) => uuidPattern.test(id));
  if (ids.length === 0) return [];
  return (await spaceRoles(db, { userIds: ids, spaceIds: [spaceId] })).map((r) => r.userId);
};

/** Everyone who follows a card: its followers, its responsible person and its co-workers (one query). */
export const followersOf = async (db: Executor, cardId: string): Promise<string[]> => {
  const { cardFollowers, cardCoworkers, cards } = tables;
  const rows = await db
    .select({ userId: cardFollowers.userId })
    .from(cardFollowers)
    .where(eq(cardFollowers.cardId, cardId))
    .union(
      db.select({ userId: cardCoworkers.userId }).from(cardCoworkers).where(eq(cardCoworkers.cardId, cardId)),
    )
    .union(
      db
        .select({ userId: sql<string>`${cards.responsibleId}` })
        .from(cards)
        .where(and(eq(cards.id, cardId), isNotNull(cards.responsibleId))),
    );
  return rows.map((r) => r.userId);
};

/** Makes the users follow the card (idempotent). */
export const follow = async (
  db: Executor,
  card: { id: string; workspaceId: string },
  userIds: readonly string[],
): Promise<void> => {
  if (userIds.length === 0) return;
  await db
    .insert(tables.cardFollowers)
    .values(userIds.map((userId) => ({ cardId: card.id, userId, workspaceId: card.workspaceId })))
    .onConflictDoNothing();
};

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  cardId: string | null;
  workspaceId: string | null;
  /** Who caused it; never notified about their own doing. Null for the system (reminders). */
  actorId: string | null;
  /** Frozen names for the text (cardName is added from the card when missing). */
  data?: Record<string, unknown>;
}

/**
 * Creates one notification per recipient and emits `notification.created` on each recipient's
 * channel, in the caller's transaction. Skips the actor and, for a card, whoever cannot read it.
 */
export const notify = async (
  { tx, emit, mail }: Pick<MutationContext, "tx" | "emit" | "mail">,
  input: NotifyInput,
): Promise<Notification[]> => {
  let recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return [];
  const data: Record<string, unknown> = { ...input.data };
  if (input.cardId) {
    const [card] = await tx
      .select({ name: tables.cards.name, spaceId: tables.cards.spaceId })
      .from(tables.cards)
      .where(eq(tables.cards.id, input.cardId));
    if (!card) return [];
    recipients = await readersOfSpace(tx, card.spaceId, recipients);
    if (recipients.length === 0) return [];
    if (data.cardName === undefined) data.cardName = card.name;
    if (data.spaceId === undefined) data.spaceId = card.spaceId;
  }
  const rows = await tx
    .insert(tables.notifications)
    .values(
      recipients.map((userId) => ({
        userId,
        kind: input.kind,
        cardId: input.cardId,
        workspaceId: input.workspaceId,
        actorId: input.actorId,
        data,
      })),
    )
    .returning();
  const addressed = rows.map((row) => ({ userId: row.userId, notification: toNotification(row) }));
  for (const { userId, notification } of addressed)
    emit(draft(userChannel(userId), "notification.created", { notification }));
  if (mail) await queueInstantMail(tx, mail, addressed);
  return addressed.map((a) => a.notification);
};

export const unreadCount = async (db: Executor, userId: string): Promise<number> => {
  const [row] = await db
    .select({ value: sql<number>`count(*)`.mapWith(Number) })
    .from(tables.notifications)
    .where(and(eq(tables.notifications.userId, userId), isNull(tables.notifications.readAt)));
  return row?.value ?? 0;
};

export const listNotifications = async (
  db: Executor,
  userId: string,
  options: { unread: boolean; limit: number },
): Promise<{ items: Notification[]; unreadCount: number }> => {
  const { notifications } = tables;
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), options.unread ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
  return { items: rows.map(toNotification), unreadCount: await unreadCount(db, userId) };
};

/** Marks the caller's own notifications read; others' ids are ignored (they are not the caller's). */
export const markRead = async (
  { tx, emit }: MutationContext,
  userId: string,
  which: { ids: string[] } | { all: true },
): Promise<{ unreadCount: number }> => {
  const { notifications } = tables;
  const updated = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        "ids" in which ? inArray(notifications.id, which.ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  if (updated.length > 0) {
    emit(
      draft(userChannel(userId), "notification.read", {
        ids: "ids" in which ? updated.map((r) => r.id) : "all",
      }),
    );
  }
  return { unreadCount: await unreadCount(tx, userId) };
};
