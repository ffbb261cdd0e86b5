/**
 * The SQL of the trash's entries (how their rows are kept is trash.ts): writing an entry and the
 * rows it replaces, listing and claiming entries, what a restore reads of the live tree, and the
 * sweeper's batch. Who sees or may do what is decided by the caller.
 */
import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { cards, folders, spaceMembers, spaces, statuses, trashEntries, users } from "./schema/index.js";
import { rowsOf } from "./write-sql.js";

export type TrashEntryRow = typeof trashEntries.$inferSelect;
export type FolderRow = typeof folders.$inferSelect;
export type SpaceRow = typeof spaces.$inferSelect;

/** `q` as a LIKE pattern matching it anywhere, its own `\`, `%` and `_` taken literally. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The names of people by id (ids that are null or gone are left out). */
export const userNames = async (db: Executor, ids: Array<string | null>): Promise<Map<string, string>> => {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** Where a card is (its workspace and space), or null. */
export const cardPlaceOf = async (
  db: Executor,
  cardId: string,
): Promise<{ workspaceId: string; spaceId: string } | null> => {
  const [row] = await db
    .select({ workspaceId: cards.workspaceId, spaceId: cards.spaceId })
    .from(cards)
    .where(eq(cards.id, cardId));
  return row ?? null;
};

/** The names of a status and its space, and whether the space is private; null when it is gone. */
export const statusPlaceOf = async (
  db: Executor,
  statusId: string,
): Promise<{ space: string; status: string; isPrivate: boolean } | null> => {
  const [place] = await db
    .select({ space: spaces.name, status: statuses.name, isPrivate: spaces.isPrivate })
    .from(statuses)
    .innerJoin(spaces, eq(spaces.id, statuses.spaceId))
    .where(eq(statuses.id, statusId));
  return place ?? null;
};

/** The members of a (private) space. */
export const spaceMemberIdsOf = async (db: Executor, spaceId: string): Promise<string[]> =>
  (
    await db
      .select({ userId: spaceMembers.userId })
      .from(spaceMembers)
      .where(eq(spaceMembers.spaceId, spaceId))
  ).map((r) => r.userId);

export const folderNameOf = async (db: Executor, folderId: string): Promise<string | null> => {
  const [row] = await db.select({ name: folders.name }).from(folders).where(eq(folders.id, folderId));
  return row?.name ?? null;
};

export const insertTrashEntry = async (
  db: Executor,
  entry: typeof trashEntries.$inferInsert,
): Promise<void> => {
  await db.insert(trashEntries).values(entry);
};

/** Deletes the trashed thing's root row; ON DELETE CASCADE takes what its snapshot kept. */
export const deleteTrashedRoot = async (
  db: Executor,
  kind: TrashEntryRow["kind"],
  id: string,
): Promise<void> => {
  if (kind === "card") await db.delete(cards).where(eq(cards.id, id));
  else if (kind === "space") await db.delete(spaces).where(eq(spaces.id, id));
  else await db.delete(folders).where(eq(folders.id, id));
};

/** The ids of a workspace's live spaces. */
export const spaceIdsOfWorkspace = async (db: Executor, workspaceId: string): Promise<string[]> =>
  (await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.workspaceId, workspaceId))).map(
    (r) => r.id,
  );

/** The entry of a trashed space, else the entry of the trashed folder that holds it, else null. */
export const trashEntryHoldingSpace = async (
  db: Executor,
  spaceId: string,
): Promise<TrashEntryRow | null> => {
  const [own] = await db
    .select()
    .from(trashEntries)
    .where(and(eq(trashEntries.kind, "space"), eq(trashEntries.itemId, spaceId)));
  if (own) return own;
  const [folder] = await db
    .select()
    .from(trashEntries)
    .where(
      and(
        eq(trashEntries.kind, "folder"),
        sql`${trashEntries.snapshot} @> ${JSON.stringify([{ table: "spaces", rows: [{ id: spaceId }] }])}::jsonb`,
      ),
    );
  return folder ?? null;
};

export interface TrashEntryFilter {
  workspaceId: string;
  /** Only the cards trashed from this space. */
  spaceId?: string;
  /** Names containing this (any case). */
  q?: string | undefined;
}

/** A workspace's entries, newest first. */
export const trashEntriesOf = (db: Executor, filter: TrashEntryFilter): Promise<TrashEntryRow[]> => {
  const conditions: (SQL | undefined)[] = [
    eq(trashEntries.workspaceId, filter.workspaceId),
    filter.spaceId ? and(eq(trashEntries.spaceId, filter.spaceId), eq(trashEntries.kind, "card")) : undefined,
    filter.q ? ilike(trashEntries.name, likePattern(filter.q)) : undefined,
  ];
  return db
    .select()
    .from(trashEntries)
    .where(and(...conditions))
    .orderBy(desc(trashEntries.trashedAt), asc(trashEntries.id));
};

/** The workspace of the entry for `itemId`, or null when nothing with that id is in the trash. */
export const trashWorkspaceOf = async (db: Executor, itemId: string): Promise<string | null> => {
  const [found] = await db
    .select({ workspaceId: trashEntries.workspaceId })
    .from(trashEntries)
    .where(eq(trashEntries.itemId, itemId));
  return found?.workspaceId ?? null;
};

/** The entry for `itemId`, row-locked until the transaction ends (FOR UPDATE), or null. */
export const lockTrashEntry = async (db: Executor, itemId: string): Promise<TrashEntryRow | null> => {
  const [entry] = await db.select().from(trashEntries).where(eq(trashEntries.itemId, itemId)).for("update");
  return entry ?? null;
};

export type LiveItem =
  | { kind: "card"; spaceId: string; name: string }
  | { kind: "space"; id: string; name: string }
  | { kind: "folder"; workspaceId: string; name: string };

/** The live card, space or folder with this id (asked in that order), or null. */
export const liveItemOf = async (db: Executor, itemId: string): Promise<LiveItem | null> => {
  const [card] = await db
    .select({ spaceId: cards.spaceId, name: cards.name })
    .from(cards)
    .where(eq(cards.id, itemId));
  if (card) return { kind: "card", ...card };
  const [space] = await db
    .select({ id: spaces.id, name: spaces.name })
    .from(spaces)
    .where(eq(spaces.id, itemId));
  if (space) return { kind: "space", ...space };
  const [folder] = await db
    .select({ workspaceId: folders.workspaceId, name: folders.name })
    .from(folders)
    .where(eq(folders.id, itemId));
  return folder ? { kind: "folder", ...folder } : null;
};

export const spaceNameOf = async (db: Executor, spaceId: string): Promise<string | null> => {
  const [space] = await db.select({ name: spaces.name }).from(spaces).where(eq(spaces.id, spaceId));
  return space?.name ?? null;
};

/** A space's statuses (id and name) in board order. */
export const statusNamesOf = (db: Executor, spaceId: string): Promise<{ id: string; name: string }[]> =>
  db
    .select({ id: statuses.id, name: statuses.name })
    .from(statuses)
    .where(eq(statuses.spaceId, spaceId))
    .orderBy(asc(statuses.position));

/** The order keys of a status's cards, first to last. */
export const cardKeysInStatus = async (db: Executor, statusId: string): Promise<string[]> =>
  (
    await db
      .select({ position: cards.position })
      .from(cards)
      .where(eq(cards.statusId, statusId))
      .orderBy(asc(cards.position))
  ).map((c) => c.position);

export const foldersByIds = (db: Executor, ids: readonly string[]): Promise<FolderRow[]> =>
  ids.length
    ? db
        .select()
        .from(folders)
        .where(inArray(folders.id, [...ids]))
    : Promise.resolve([]);

export const spacesByIds = (db: Executor, ids: readonly string[]): Promise<SpaceRow[]> =>
  ids.length
    ? db
        .select()
        .from(spaces)
        .where(inArray(spaces.id, [...ids]))
    : Promise.resolve([]);

export const deleteTrashEntry = async (db: Executor, entryId: string): Promise<void> => {
  await db.delete(trashEntries).where(eq(trashEntries.id, entryId));
};

/**
 * Deletes up to `batch` entries trashed before `cutoff`, claimed with FOR UPDATE SKIP LOCKED (so
 * sweepers never take the same entry and wait for no restore); the workspace of each deleted entry.
 */
export const sweepTrashEntries = async (db: Executor, cutoff: Date, batch: number): Promise<string[]> =>
  rowsOf(
    await db.execute(sql`
    DELETE FROM trash_entries WHERE id IN (
      SELECT id FROM trash_entries WHERE trashed_at < ${cutoff.toISOString()}::timestamptz
      ORDER BY trashed_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING workspace_id`),
  ).map((r) => r.workspace_id as string);
