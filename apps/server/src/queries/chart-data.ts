/**
 * Loading what the charts compute from, for one or more spaces: the statuses in board order, the
 * cards with their current status, every status change and every blocking. Four queries whatever
 * the size of the spaces (each reads a space-keyed index), in one read-only snapshot so the history
 * and the cards agree; the maths is the domain's (`packages/domain/src/charts`).
 *
 * A card filter narrows the cards; the changes and blockings follow the cards that were kept.
 */
import { type Database, type Executor, tables } from "@lattice/db";
import {
  type BlockedInterval,
  type ChartInput,
  type ChartStatus,
  effectiveSpaceRole,
  type StatusChange,
  type StatusRole,
  type WorkspaceRole,
} from "@lattice/domain";
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** A timestamp as whole epoch milliseconds (like a JavaScript Date), computed by the database. */
const epochMs = (column: AnyPgColumn) => sql`floor(extract(epoch from ${column}) * 1000)::float8`;

/**
 * Rows as one JSON array of arrays: for tens of thousands of rows, one text value parsed by
 * JSON.parse is about twice as fast as row-by-row results (notably on PGlite).
 */
const jsonRows = (columns: SQL[], orderBy?: SQL) =>
  sql<string>`coalesce(json_agg(json_build_array(${sql.join(columns, sql`, `)})${orderBy ? sql` order by ${orderBy}` : sql``}), '[]')::text`;

/** Which cards a chart covers; every field set narrows further. */
export interface CardFilter {
  /** Only cards with this responsible person. */
  responsibleId?: string | undefined;
  /** Only cards carrying this label. */
  labelId?: string | undefined;
}

const cardConditions = (db: Executor, spaceIds: readonly string[], filter: CardFilter): SQL[] => {
  const { cards, cardLabels } = tables;
  const conditions: SQL[] = [inArray(cards.spaceId, [...spaceIds])];
  if (filter.responsibleId) conditions.push(eq(cards.responsibleId, filter.responsibleId));
  if (filter.labelId) {
    const labelled = db
      .select({ cardId: cardLabels.cardId })
      .from(cardLabels)
      .where(eq(cardLabels.labelId, filter.labelId));
    conditions.push(inArray(cards.id, labelled));
  }
  return conditions;
};

export interface ChartData extends ChartInput {
  statuses: ChartStatus[];
  blockings: BlockedInterval[];
}

/**
 * Blocked intervals of the given spaces' cards, from `card_blockings` (blocked_at → cleared_at,
 * null while still open).
 */
export const loadBlockedIntervals = async (
  db: Executor,
  spaceIds: readonly string[],
): Promise<BlockedInterval[]> => {
  if (spaceIds.length === 0) return [];
  const b = tables.cardBlockings;
  const rows = await db
    .select({ cardId: b.cardId, blockedAt: b.blockedAt, clearedAt: b.clearedAt })
    .from(b)
    .where(inArray(b.spaceId, [...spaceIds]));
  return rows.map((r) => ({
    cardId: r.cardId,
    from: r.blockedAt.getTime(),
    to: r.clearedAt ? r.clearedAt.getTime() : null,
  }));
};

/** Statuses, cards, status history and blockings of the spaces (statuses in each space's board order). */
export const loadChartData = async (
  db: Database,
  spaceIds: readonly string[],
  filter: CardFilter = {},
): Promise<ChartData> => {
  if (spaceIds.length === 0) return { statuses: [], cards: [], changes: [], blockings: [] };
  const { statuses, cards, cardStatusChanges: changes } = tables;
  return db.transaction(
    async (tx) => {
      const statusRows = await tx
        .select({ id: statuses.id, name: statuses.name, role: statuses.role, spaceId: statuses.spaceId })
        .from(statuses)
        .where(inArray(statuses.spaceId, [...spaceIds]))
        .orderBy(asc(statuses.position));
      const [cardJson] = await tx
        .select({
          rows: jsonRows([
            sql`${cards.id}`,
            sql`${cards.name}`,
            epochMs(cards.createdAt),
            epochMs(cards.archivedAt),
            sql`${cards.statusId}`,
          ]),
        })
        .from(cards)
        .where(and(...cardConditions(tx, spaceIds, filter)));
      const cardRows = JSON.parse(cardJson?.rows ?? "[]") as Array<
        [id: string, name: string, createdAt: number, archivedAt: number | null, statusId: string]
      >;
      const [changeJson] = await tx
        .select({
          rows: jsonRows(
            [sql`${changes.cardId}`, epochMs(changes.at), sql`${changes.toStatusId}`, sql`${changes.toRole}`],
            sql`${changes.at}, ${changes.id}`,
          ),
        })
        .from(changes)
        .where(inArray(changes.spaceId, [...spaceIds]));
      const changeRows = JSON.parse(changeJson?.rows ?? "[]") as Array<
        [cardId: string, at: number, statusId: string, role: string]
      >;
      const blockings = await loadBlockedIntervals(tx, spaceIds);
      const isFiltered = filter.responsibleId !== undefined || filter.labelId !== undefined;
      const kept = isFiltered ? new Set(cardRows.map(([id]) => id)) : null;
      const spaceOrder = new Map(spaceIds.map((id, i) => [id, i]));
      const ordered: ChartStatus[] = statusRows
        .map((s, i) => ({ s, i }))
        .sort((a, b) => (spaceOrder.get(a.s.spaceId) ?? 0) - (spaceOrder.get(b.s.spaceId) ?? 0) || a.i - b.i)
        .map(({ s }) => ({ id: s.id, name: s.name, role: s.role as StatusRole }));
      const history: StatusChange[] = [];
      for (const [cardId, at, statusId, role] of changeRows) {
        if (kept && !kept.has(cardId)) continue;
        history.push({ cardId, at, statusId, role: role as StatusRole });
      }
      return {
        statuses: ordered,
        cards: cardRows.map(([id, name, createdAt, archivedAt, statusId]) => ({
          id,
          name,
          createdAt,
          archivedAt,
          statusId,
        })),
        changes: history,
        blockings: kept ? blockings.filter((b) => kept.has(b.cardId)) : blockings,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
};

/**
 * The live (unarchived) spaces of a workspace the caller may read, in position order; with a folder,
 * only those in it or in its subfolders (at any depth).
 */
export const readableSpaceIds = async (
  db: Executor,
  userId: string,
  workspaceId: string,
  workspaceRole: WorkspaceRole,
  folderId: string | null,
): Promise<string[]> => {
  const { spaces, spaceMembers, folders } = tables;
  const rows = await db
    .select({
      id: spaces.id,
      folderId: spaces.folderId,
      isPrivate: spaces.isPrivate,
      spaceRole: spaceMembers.role,
    })
    .from(spaces)
    .leftJoin(spaceMembers, and(eq(spaceMembers.spaceId, spaces.id), eq(spaceMembers.userId, userId)))
    .where(and(eq(spaces.workspaceId, workspaceId), isNull(spaces.archivedAt)))
    .orderBy(asc(spaces.position));
  let inScope: Set<string> | null = null;
  if (folderId) {
    const folderRows = await db
      .select({ id: folders.id, parentFolderId: folders.parentFolderId })
      .from(folders)
      .where(eq(folders.workspaceId, workspaceId));
    inScope = new Set([folderId]);
    // Walk down the tree: add children of folders already in scope until nothing changes.
    for (let grew = true; grew; ) {
      grew = false;
      for (const f of folderRows) {
        if (f.parentFolderId && inScope.has(f.parentFolderId) && !inScope.has(f.id)) {
          inScope.add(f.id);
          grew = true;
        }
      }
    }
  }
  return rows
    .filter((r) => !inScope || (r.folderId !== null && inScope.has(r.folderId)))
    .filter(
      (r) =>
        effectiveSpaceRole(workspaceRole, r.isPrivate, (r.spaceRole as WorkspaceRole | null) ?? null) !==
        null,
    )
    .map((r) => r.id);
};
