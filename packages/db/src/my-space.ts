/**
 * The SQL of My space (docs/MY-SPACE.md): a person's columns and placements, and the snapshot read.
 * Every statement names the person (`user_id`), so one person's rows never answer for another.
 */
import {
  type Channel,
  type MirrorCard,
  type MySpace,
  type MySpaceColumn,
  type MySpacePlacement,
  mySpaceLimits,
  spaceChannel,
  userChannel,
} from "@lattice/domain";
import { and, asc, count, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import { readableSpaceIds } from "./access.js";
import { loadCards } from "./cards.js";
import type { Executor, Transaction } from "./client.js";
import {
  cardCoworkers,
  cards as cardsTable,
  channels,
  mySpaceColumns as columns,
  labels,
  mySpacePlacements as placements,
  spaces,
  statuses,
  users,
} from "./schema/index.js";

const toColumn = (row: typeof columns.$inferSelect): MySpaceColumn => ({
  id: row.id,
  name: row.name,
  position: row.position,
});

const toPlacement = (row: typeof placements.$inferSelect): MySpacePlacement => ({
  cardId: row.cardId,
  columnId: row.columnId,
  position: row.position,
});

/** The person's columns in order. */
export const mySpaceColumnsOf = async (db: Executor, userId: string): Promise<MySpaceColumn[]> =>
  (await db.select().from(columns).where(eq(columns.userId, userId)).orderBy(asc(columns.position))).map(
    toColumn,
  );

export const hasMySpaceColumns = async (db: Executor, userId: string): Promise<boolean> => {
  const [existing] = await db
    .select({ id: columns.id })
    .from(columns)
    .where(eq(columns.userId, userId))
    .limit(1);
  return existing !== undefined;
};

/** Inserts columns in one statement; returns them in key order. */
export const insertMySpaceColumns = async (
  db: Executor,
  userId: string,
  made: readonly { name: string; position: string }[],
): Promise<MySpaceColumn[]> => {
  const rows = await db
    .insert(columns)
    .values(made.map((c) => ({ userId, name: c.name, position: c.position })))
    .returning();
  return rows.map(toColumn).sort((a, b) => (a.position < b.position ? -1 : 1));
};

export const updateMySpaceColumnRow = async (
  db: Executor,
  userId: string,
  column: MySpaceColumn,
): Promise<void> => {
  await db
    .update(columns)
    .set({ name: column.name, position: column.position })
    .where(and(eq(columns.id, column.id), eq(columns.userId, userId)));
};

/** The placements in a column, in order (their row ids). */
export const mySpacePlacementIdsIn = async (db: Executor, columnId: string): Promise<string[]> =>
  (
    await db
      .select({ id: placements.id })
      .from(placements)
      .where(eq(placements.columnId, columnId))
      .orderBy(asc(placements.position))
  ).map((r) => r.id);

/** The last key in a column, or null when it is empty. */
export const lastMySpaceKeyIn = async (db: Executor, columnId: string): Promise<string | null> => {
  const [last] = await db
    .select({ position: placements.position })
    .from(placements)
    .where(eq(placements.columnId, columnId))
    .orderBy(sql`${placements.position} DESC`)
    .limit(1);
  return last?.position ?? null;
};

/** Moves placements (by row id) to a column at the given keys. */
export const moveMySpacePlacements = async (
  db: Executor,
  moves: readonly { id: string; columnId: string; position: string }[],
): Promise<void> => {
  for (const move of moves)
    await db
      .update(placements)
      .set({ columnId: move.columnId, position: move.position })
      .where(eq(placements.id, move.id));
};

export const deleteMySpaceColumnRow = async (
  db: Executor,
  userId: string,
  columnId: string,
): Promise<void> => {
  await db.delete(columns).where(and(eq(columns.id, columnId), eq(columns.userId, userId)));
};

/** The person's place of a card, with its column's name, or null. */
export const mySpacePlacementOf = async (
  db: Executor,
  userId: string,
  cardId: string,
): Promise<(MySpacePlacement & { columnName: string }) | null> => {
  const [row] = await db
    .select({ placement: placements, columnName: columns.name })
    .from(placements)
    .innerJoin(columns, eq(columns.id, placements.columnId))
    .where(and(eq(placements.userId, userId), eq(placements.cardId, cardId)));
  return row ? { ...toPlacement(row.placement), columnName: row.columnName } : null;
};

export const isOnMySpace = async (db: Executor, userId: string, cardId: string): Promise<boolean> => {
  const [already] = await db
    .select({ id: placements.id })
    .from(placements)
    .where(and(eq(placements.userId, userId), eq(placements.cardId, cardId)));
  return already !== undefined;
};

export const countMySpacePlacements = async (db: Executor, userId: string): Promise<number> => {
  const [total] = await db.select({ value: count() }).from(placements).where(eq(placements.userId, userId));
  return total?.value ?? 0;
};

/** The cards of one column (ids and keys) in order. */
export const mySpaceColumnCards = async (
  db: Executor,
  columnId: string,
): Promise<{ id: string; position: string }[]> =>
  db
    .select({ id: placements.cardId, position: placements.position })
    .from(placements)
    .where(eq(placements.columnId, columnId))
    .orderBy(asc(placements.position));

/** Puts a card on the person's My space, or moves it there (one upsert). */
export const upsertMySpacePlacement = async (
  db: Executor,
  userId: string,
  placement: MySpacePlacement & { workspaceId: string },
): Promise<MySpacePlacement> => {
  const [row] = await db
    .insert(placements)
    .values({
      userId,
      cardId: placement.cardId,
      workspaceId: placement.workspaceId,
      columnId: placement.columnId,
      position: placement.position,
    })
    .onConflictDoUpdate({
      target: [placements.userId, placements.cardId],
      set: { columnId: placement.columnId, position: placement.position, workspaceId: placement.workspaceId },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return toPlacement(row);
};

/** Takes a card off the person's My space; whether there was one to take off. */
export const deleteMySpacePlacement = async (
  db: Executor,
  userId: string,
  cardId: string,
): Promise<boolean> => {
  const removed = await db
    .delete(placements)
    .where(and(eq(placements.userId, userId), eq(placements.cardId, cardId)))
    .returning({ id: placements.id });
  return removed.length > 0;
};

const openRoles = ["not_started", "in_progress", "information"] as const;

/** The person's My space as it is now; run inside one repeatable-read transaction (seqs and data agree). */
export const loadMySpace = async (tx: Transaction, userId: string): Promise<MySpace> => {
  const columnRows = await mySpaceColumnsOf(tx, userId);
  const readable = await readableSpaceIds(tx, userId);
  const [userSeq] = await tx
    .select({ seq: channels.seq })
    .from(channels)
    .where(eq(channels.channel, userChannel(userId)));
  const empty: MySpace = {
    columns: columnRows,
    placements: [],
    cards: [],
    suggestions: [],
    labels: [],
    people: [],
    spaces: [],
    seq: userSeq?.seq ?? 0,
  };
  if (readable.length === 0) return empty;

  const placementRows = await tx
    .select({ placement: placements })
    .from(placements)
    .innerJoin(cardsTable, eq(cardsTable.id, placements.cardId))
    .where(
      and(
        eq(placements.userId, userId),
        isNull(cardsTable.archivedAt),
        inArray(cardsTable.spaceId, readable),
      ),
    )
    .orderBy(asc(placements.columnId), asc(placements.position));
  const placedIds = placementRows.map((r) => r.placement.cardId);

  const coworking = tx
    .select({ cardId: cardCoworkers.cardId })
    .from(cardCoworkers)
    .where(eq(cardCoworkers.userId, userId));
  const mine = tx.select({ cardId: placements.cardId }).from(placements).where(eq(placements.userId, userId));
  const suggestionRows = await tx
    .select({ id: cardsTable.id })
    .from(cardsTable)
    .innerJoin(statuses, eq(statuses.id, cardsTable.statusId))
    .where(
      and(
        isNull(cardsTable.archivedAt),
        inArray(cardsTable.spaceId, readable),
        or(eq(cardsTable.responsibleId, userId), inArray(cardsTable.id, coworking)),
        inArray(statuses.role, [...openRoles]),
        notInArray(cardsTable.id, mine),
      ),
    )
    .orderBy(sql`${cardsTable.dueDate} ASC NULLS LAST`, asc(cardsTable.createdAt))
    .limit(mySpaceLimits.suggestionsMax);
  const suggestions = suggestionRows.map((r) => r.id);

  const ids = [...placedIds, ...suggestions];
  if (ids.length === 0) return empty;
  const meta = await tx
    .select({
      id: cardsTable.id,
      spaceName: spaces.name,
      statusName: statuses.name,
      statusRole: statuses.role,
    })
    .from(cardsTable)
    .innerJoin(spaces, eq(spaces.id, cardsTable.spaceId))
    .innerJoin(statuses, eq(statuses.id, cardsTable.statusId))
    .where(inArray(cardsTable.id, ids));
  const metaById = new Map(meta.map((m) => [m.id, m]));
  const loaded = new Map((await loadCards(tx, { ids })).map((card) => [card.id, card]));
  const cards: MirrorCard[] = [];
  for (const cardId of ids) {
    const card = loaded.get(cardId);
    const m = metaById.get(cardId);
    if (card && m)
      cards.push({ ...card, spaceName: m.spaceName, statusName: m.statusName, statusRole: m.statusRole });
  }

  const labelIds = [...new Set(cards.flatMap((c) => c.labelIds))];
  const labelRows = labelIds.length ? await tx.select().from(labels).where(inArray(labels.id, labelIds)) : [];
  const peopleIds = [
    ...new Set(cards.flatMap((c) => (c.responsibleId ? [c.responsibleId, ...c.coworkerIds] : c.coworkerIds))),
  ];
  const people = peopleIds.length
    ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, peopleIds))
    : [];
  const spaceIds = [...new Set(cards.map((c) => c.spaceId))];
  const seqRows = await tx
    .select({ channel: channels.channel, seq: channels.seq })
    .from(channels)
    .where(
      inArray(
        channels.channel,
        spaceIds.map((s) => spaceChannel(s)),
      ),
    );
  const seqByChannel = new Map(seqRows.map((r) => [r.channel as Channel, r.seq]));

  return {
    ...empty,
    placements: placementRows.map((r) => toPlacement(r.placement)),
    cards,
    suggestions,
    labels: labelRows.map((l) => ({
      id: l.id,
      workspaceId: l.workspaceId,
      spaceId: l.spaceId,
      name: l.name,
      color: l.color,
      serviceLevelDays: l.serviceLevelDays,
    })),
    people,
    spaces: spaceIds.map((spaceId) => ({ id: spaceId, seq: seqByChannel.get(spaceChannel(spaceId)) ?? 0 })),
  };
};
