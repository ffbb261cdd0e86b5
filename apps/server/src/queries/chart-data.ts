/**
 * Loading what the charts compute from, for one or more spaces: the statuses in board order, the
 * cards with their current status, every status change, every blocking, and each space's channel seq.
 *
 * One SELECT whatever the size of the spaces (each part reads a space-keyed index). A single
 * statement sees a single snapshot, so the history, the cards and the seqs agree without a
 * transaction; the seqs name the exact state the rows were read at (every change to a space appends
 * to its channel in the same transaction), which is what the chart cache keys on.
 *
 * A card filter narrows the cards; the changes and blockings follow the cards that were kept.
 */
import { type Executor, spaceRoles, tables } from "@lattice/db";
import {
  type BlockedInterval,
  type ChartFieldFilter,
  type ChartInput,
  type ChartStatus,
  type StatusRole,
  spaceChannel,
} from "@lattice/domain";
import { eq, type SQL, sql } from "drizzle-orm";

/** Which cards a chart covers; every field set narrows further. */
export interface CardFilter {
  /** Only cards with this responsible person. */
  responsibleId?: string | undefined;
  /** Only cards carrying this label. */
  labelId?: string | undefined;
  /** Only cards whose custom field values pass each of these. */
  fields?: readonly ChartFieldFilter[] | undefined;
}

export const isFiltered = (filter: CardFilter): boolean =>
  filter.responsibleId !== undefined || filter.labelId !== undefined || (filter.fields?.length ?? 0) > 0;

/**
 * A field filter on `c`. A single choice or person is a JSON string and a multiple choice an array
 * of them; `@>` with a JSON string matches both (an array contains a string it has as an element).
 */
const fieldCondition = ({ fieldId, value }: ChartFieldFilter): SQL => {
  const valueRows = sql`select 1 from card_field_values v where v.card_id = c.id and v.field_id = ${fieldId}::uuid`;
  if (value === "set") return sql`exists (${valueRows})`;
  if (value === "none") return sql`not exists (${valueRows})`;
  return sql`exists (${valueRows} and v.value @> to_jsonb(${value}::text))`;
};

export interface ChartData extends ChartInput {
  statuses: ChartStatus[];
  blockings: BlockedInterval[];
  /** Each space's channel seq (aligned with the space ids) in the snapshot the rows were read from. */
  seqs: number[];
}

/** A PostgreSQL array literal of ids or channel names (characters [0-9a-z:-] only): one parameter. */
const arrayLiteral = (values: readonly string[]): string => `{${values.join(",")}}`;

/**
 * A timestamp as whole epoch milliseconds (like a JavaScript Date). Through double precision, which
 * is several times cheaper than `extract`'s numeric; truncated to milliseconds first, the product is
 * within a rounding error of a whole number, so `round` makes it exact.
 */
const epochMs = (column: SQL) => sql`round(date_part('epoch', date_trunc('milliseconds', ${column})) * 1000)`;

/**
 * Rows as one JSON array of arrays: for tens of thousands of rows, one text value parsed by
 * JSON.parse is about twice as fast as row-by-row results (notably on PGlite).
 */
const jsonRows = (columns: SQL[], orderBy?: SQL) =>
  sql`coalesce(json_agg(json_build_array(${sql.join(columns, sql`, `)})${orderBy ? sql` order by ${orderBy}` : sql``}), '[]')::text`;

/** The condition on `c` (a card) for the spaces and the filter. */
const cardCondition = (spaceIds: SQL, filter: CardFilter): SQL =>
  sql.join(
    [
      sql`c.space_id = any(${spaceIds})`,
      ...(filter.responsibleId ? [sql`c.responsible_id = ${filter.responsibleId}`] : []),
      ...(filter.labelId
        ? [sql`c.id in (select l.card_id from card_labels l where l.label_id = ${filter.labelId})`]
        : []),
      ...(filter.fields ?? []).map(fieldCondition),
    ],
    sql` and `,
  );

type StatusRow = [id: string, name: string, role: StatusRole];
type CardRow = [
  id: string,
  name: string,
  createdAt: number,
  archivedAt: number | null,
  statusId: string,
  spaceId: string,
];
type ChangeRow = [cardId: string, at: number, statusId: string, role: StatusRole];
type BlockingRow = [cardId: string, from: number, to: number | null];

interface ChartDataRow extends Record<string, unknown> {
  statuses: string;
  cards: string;
  changes: string;
  blockings: string;
  seqs: string;
}

/** Statuses, cards, status history, blockings and channel seqs of the spaces, in one statement. */
export const loadChartData = async (
  db: Executor,
  spaceIds: readonly string[],
  filter: CardFilter = {},
): Promise<ChartData> => {
  if (spaceIds.length === 0) return { statuses: [], cards: [], changes: [], blockings: [], seqs: [] };
  const ids = sql`${arrayLiteral(spaceIds)}::uuid[]`;
  const channels = sql`${arrayLiteral(spaceIds.map(spaceChannel))}::text[]`;
  // Unfiltered, every change of the spaces belongs to a kept card: no need to ask.
  const ofKeptCards = isFiltered(filter)
    ? sql` and card_id in (select c.id from cards c where ${cardCondition(ids, filter)})`
    : sql``;
  // Statuses come in each space's board order, the spaces in the order asked for.
  const result = await db.execute(sql`
    select
      (select ${jsonRows([sql`id`, sql`name`, sql`role`], sql`array_position(${ids}, space_id), position`)}
        from statuses where space_id = any(${ids})) as statuses,
      (select ${jsonRows([sql`c.id`, sql`c.name`, epochMs(sql`c.created_at`), epochMs(sql`c.archived_at`), sql`c.status_id`, sql`c.space_id`])}
        from cards c where ${cardCondition(ids, filter)}) as cards,
      (select ${jsonRows([sql`card_id`, epochMs(sql`at`), sql`to_status_id`, sql`to_role`], sql`at, id`)}
        from card_status_changes where space_id = any(${ids})${ofKeptCards}) as changes,
      (select ${jsonRows([sql`card_id`, epochMs(sql`blocked_at`), epochMs(sql`cleared_at`)])}
        from card_blockings where space_id = any(${ids})${ofKeptCards}) as blockings,
      (select ${jsonRows([sql`channel`, sql`seq`])}
        from channels where channel = any(${channels})) as seqs
  `);
  const [row] = (result as unknown as { rows: ChartDataRow[] }).rows;
  if (!row) throw new Error("the chart data query returned no row");
  const seqByChannel = new Map(JSON.parse(row.seqs) as Array<[channel: string, seq: number]>);
  return {
    statuses: (JSON.parse(row.statuses) as StatusRow[]).map(([id, name, role]) => ({ id, name, role })),
    cards: (JSON.parse(row.cards) as CardRow[]).map(
      ([id, name, createdAt, archivedAt, statusId, spaceId]) => ({
        id,
        name,
        createdAt,
        archivedAt,
        statusId,
        spaceId,
      }),
    ),
    changes: (JSON.parse(row.changes) as ChangeRow[]).map(([cardId, at, statusId, role]) => ({
      cardId,
      at,
      statusId,
      role,
    })),
    blockings: (JSON.parse(row.blockings) as BlockingRow[]).map(([cardId, from, to]) => ({
      cardId,
      from,
      to,
    })),
    // No row yet: nothing was ever appended to that channel.
    seqs: spaceIds.map((id) => Number(seqByChannel.get(spaceChannel(id)) ?? 0)),
  };
};

/** Each space's channel seq now (aligned with the ids): one read of the channels' primary key. */
export const loadChannelSeqs = async (db: Executor, spaceIds: readonly string[]): Promise<number[]> => {
  if (spaceIds.length === 0) return [];
  const { channels } = tables;
  const names = spaceIds.map(spaceChannel);
  const rows = await db
    .select({ channel: channels.channel, seq: channels.seq })
    .from(channels)
    .where(sql`${channels.channel} = any(${arrayLiteral(names)}::text[])`);
  const seqByChannel = new Map(rows.map((r) => [r.channel, Number(r.seq)]));
  return names.map((name) => seqByChannel.get(name) ?? 0);
};

/**
 * The live (unarchived) spaces of a workspace the caller may read, in position order; with a folder,
 * only those in it or in its subfolders (at any depth).
 */
export const readableSpaceIds = async (
  db: Executor,
  userId: string,
  workspaceId: string,
  folderId: string | null,
): Promise<string[]> => {
  const { folders } = tables;
  const rows = await spaceRoles(db, { userIds: [userId], workspaceId, liveOnly: true });
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
    .map((r) => r.spaceId);
};
