/**
 * The SQL of iCalendar feeds: a person's live feed (of one space, or of their own cards when
 * `spaceId` is null) by the hash of its secret token, and what a feed of one's own cards reads.
 * Only the token's hash is ever passed here; whether the owner may still read a feed is decided by
 * the caller.
 */
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Executor } from "./client.js";
import { calendarFeeds, cardCoworkers, cards, spaces, statuses } from "./schema/index.js";

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

const liveFeedOf = (userId: string, spaceId: string | null): SQL | undefined =>
  and(
    eq(calendarFeeds.userId, userId),
    spaceId ? eq(calendarFeeds.spaceId, spaceId) : isNull(calendarFeeds.spaceId),
    isNull(calendarFeeds.revokedAt),
  );

/** Revokes the person's live feed of the space (or of their own cards), if any. */
export const revokeCalendarFeeds = async (
  db: Executor,
  userId: string,
  spaceId: string | null,
): Promise<void> => {
  await db.update(calendarFeeds).set({ revokedAt: new Date() }).where(liveFeedOf(userId, spaceId));
};

/** Makes a feed; returns when it was made. */
export const insertCalendarFeed = async (
  db: Executor,
  values: { tokenHash: string; userId: string; spaceId: string | null },
): Promise<Date> => {
  const [row] = await db.insert(calendarFeeds).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row.createdAt;
};

/** When the person's live feed of the space (or of their own cards) was made, or null. */
export const liveCalendarFeedMadeAt = async (
  db: Executor,
  userId: string,
  spaceId: string | null,
): Promise<Date | null> => {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(liveFeedOf(userId, spaceId));
  return row?.createdAt ?? null;
};

/** The live (not revoked) feed with this token hash, or null. */
export const liveCalendarFeedByToken = async (
  db: Executor,
  tokenHash: string,
): Promise<CalendarFeedRow | null> => {
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return feed ?? null;
};

/** The cards not archived where the person is responsible or a co-worker (any space), with their space. */
export const cardsOfPerson = (db: Executor, userId: string): Promise<{ id: string; spaceId: string }[]> => {
  const coworking = db
    .select({ cardId: cardCoworkers.cardId })
    .from(cardCoworkers)
    .where(eq(cardCoworkers.userId, userId));
  return db
    .select({ id: cards.id, spaceId: cards.spaceId })
    .from(cards)
    .where(and(isNull(cards.archivedAt), or(eq(cards.responsibleId, userId), inArray(cards.id, coworking))));
};

/** The names of spaces by id (no query for none). */
export const spaceNamesOf = async (
  db: Executor,
  spaceIds: readonly string[],
): Promise<Map<string, string>> =>
  spaceIds.length === 0
    ? new Map()
    : new Map(
        (
          await db
            .select({ id: spaces.id, name: spaces.name })
            .from(spaces)
            .where(inArray(spaces.id, [...spaceIds]))
        ).map((n) => [n.id, n.name]),
      );

/** Statuses by id with their names and roles (no query for none). */
export const statusesByIds = (
  db: Executor,
  statusIds: readonly string[],
): Promise<{ id: string; name: string; role: (typeof statuses.$inferSelect)["role"] }[]> =>
  statusIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: statuses.id, name: statuses.name, role: statuses.role })
        .from(statuses)
        .where(inArray(statuses.id, [...statusIds]));
