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

/** A PostgreSQL array literal of ids, channel names or event types (characters [0-9a-z:._-] only): one parameter. */
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

const parseStatuses = (text: string): ChartStatus[] =>
  (JSON.parse(text) as StatusRow[]).map(([id, name, role]) => ({ id, name, role }));

const parseCards = (text: string): ChartData["cards"] =>
  (JSON.parse(text) as CardRow[]).map(([id, name, createdAt, archivedAt, statusId, spaceId]) => ({
    id,
    name,
    createdAt,
    archivedAt,
    statusId,
    spaceId,
  }));

const parseChanges = (text: string): ChartData["changes"] =>
  (JSON.parse(text) as ChangeRow[]).map(([cardId, at, statusId, role]) => ({ cardId, at, statusId, role }));

const parseBlockings = (text: string): BlockedInterval[] =>
  (JSON.parse(text) as BlockingRow[]).map(([cardId, from, to]) => ({ cardId, from, to }));

/** The seqs as text (`[channel, seq]` pairs) in the order of the space ids; no row: nothing appended yet. */
const parseSeqs = (text: string, spaceIds: readonly string[]): number[] => {
  const seqByChannel = new Map(JSON.parse(text) as Array<[channel: string, seq: number]>);
  return spaceIds.map((id) => Number(seqByChannel.get(spaceChannel(id)) ?? 0));
};

const cardColumns = [
  sql`c.id`,
  sql`c.name`,
  epochMs(sql`c.created_at`),
  epochMs(sql`c.archived_at`),
  sql`c.status_id`,
  sql`c.space_id`,
];
const changeColumns = [sql`card_id`, epochMs(sql`at`), sql`to_status_id`, sql`to_role`];
const blockingColumns = [sql`card_id`, epochMs(sql`blocked_at`), epochMs(sql`cleared_at`)];
const statusesOfSpaces = (ids: SQL) =>
  sql`(select ${jsonRows([sql`id`, sql`name`, sql`role`], sql`array_position(${ids}, space_id), position`)}
        from statuses where space_id = any(${ids}))`;
const seqsOfChannels = (channels: SQL) =>
  sql`(select ${jsonRows([sql`channel`, sql`seq`])} from channels where channel = any(${channels}))`;

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
      ${statusesOfSpaces(ids)} as statuses,
      (select ${jsonRows(cardColumns)}
        from cards c where ${cardCondition(ids, filter)}) as cards,
      (select ${jsonRows(changeColumns, sql`at, id`)}
        from card_status_changes where space_id = any(${ids})${ofKeptCards}) as changes,
      (select ${jsonRows(blockingColumns)}
        from card_blockings where space_id = any(${ids})${ofKeptCards}) as blockings,
      ${seqsOfChannels(channels)} as seqs
  `);
  const [row] = (result as unknown as { rows: ChartDataRow[] }).rows;
  if (!row) throw new Error("the chart data query returned no row");
  return {
    statuses: parseStatuses(row.statuses),
    cards: parseCards(row.cards),
    changes: parseChanges(row.changes),
    blockings: parseBlockings(row.blockings),
    seqs: parseSeqs(row.seqs, spaceIds),
  };
};

/** One event of a space's channel as a chart history follows it. */
export interface ChartEvent {
  /** The index of the event's space in the space ids asked for. */
  space: number;
  seq: number;
  type: string;
  /** The card the event names (in `card.id`, `cardId` or `blocking.cardId`), if any. */
  cardId: string | null;
}

/**
 * What changed in the spaces since `afterSeqs` (aligned with the space ids): the events after those
 * seqs, and the rows of just the cards they name, as `loadChartData` would read them for those cards
 * (cards gone from the spaces, or no longer passing the filter, are simply absent).
 */
export interface ChartChanges extends ChartData {
  events: ChartEvent[];
  /** The ids of every card reloaded (whether or not it is still in the spaces). */
  touched: string[];
}

interface ChartChangesRow extends ChartDataRow {
  events: string;
  touched: string;
}

type EventRow = [channel: string, seq: number, type: string, cardId: string | null];

/**
 * The events since `afterSeqs` and the rows of the cards they name, in one statement (one snapshot:
 * the rows and the seqs agree, as in `loadChartData`).
 *
 * Beside the named cards, a status deleted since then brings back every card of the spaces that was
 * ever in it: a history entry of a status that no longer exists takes the role recorded with the
 * change, which only the change rows hold.
 */
export const loadChartChanges = async (
  db: Executor,
  spaceIds: readonly string[],
  filter: CardFilter,
  afterSeqs: readonly number[],
  /** The event types whose card is reloaded (an event of another type names no card here). */
  cardEventTypes: readonly string[],
): Promise<ChartChanges> => {
  const ids = sql`${arrayLiteral(spaceIds)}::uuid[]`;
  const channelNames = spaceIds.map(spaceChannel);
  const channels = sql`${arrayLiteral(channelNames)}::text[]`;
  const afters = sql`${`{${afterSeqs.map((seq) => String(Math.trunc(seq))).join(",")}}`}::bigint[]`;
  const ofKeptCards = isFiltered(filter)
    ? sql` and card_id in (select c.id from cards c where ${cardCondition(ids, filter)})`
    : sql``;
  const result = await db.execute(sql`
    with since as (
      select e.channel, e.seq, e.type, case when e.type = any(${arrayLiteral(cardEventTypes)}::text[]) then coalesce(
        e.payload->'card'->>'id', e.payload->>'cardId', e.payload->'blocking'->>'cardId'
      ) end as card_id, e.payload->>'statusId' as status_id
      from events e join unnest(${channels}, ${afters}) as a(channel, after_seq)
        on e.channel = a.channel and e.seq > a.after_seq
    ),
    touched as (
      select card_id::uuid as id from since where card_id is not null
      union
      select x.card_id from card_status_changes x
        where exists (select 1 from since where type = 'status.deleted')
          and x.space_id = any(${ids})
          and x.to_status_id in (select status_id::uuid from since where type = 'status.deleted')
    )
    select
      ${statusesOfSpaces(ids)} as statuses,
      (select ${jsonRows(cardColumns)}
        from cards c where c.id in (select id from touched) and ${cardCondition(ids, filter)}) as cards,
      (select ${jsonRows(changeColumns, sql`at, id`)}
        from card_status_changes where card_id in (select id from touched)
          and space_id = any(${ids})${ofKeptCards}) as changes,
      (select ${jsonRows(blockingColumns, sql`blocked_at, id`)}
        from card_blockings where card_id in (select id from touched)
          and space_id = any(${ids})${ofKeptCards}) as blockings,
      (select ${jsonRows([sql`channel`, sql`seq`, sql`type`, sql`card_id`], sql`channel, seq`)} from since) as events,
      (select coalesce(json_agg(id), '[]')::text from touched) as touched,
      ${seqsOfChannels(channels)} as seqs
  `);
  const [row] = (result as unknown as { rows: ChartChangesRow[] }).rows;
  if (!row) throw new Error("the chart changes query returned no row");
  const spaceOfChannel = new Map<string, number>(channelNames.map((name, i) => [name, i]));
  return {
    statuses: parseStatuses(row.statuses),
    cards: parseCards(row.cards),
    changes: parseChanges(row.changes),
    blockings: parseBlockings(row.blockings),
    seqs: parseSeqs(row.seqs, spaceIds),
    events: (JSON.parse(row.events) as EventRow[]).map(([channel, seq, type, cardId]) => ({
      space: spaceOfChannel.get(channel) ?? -1,
      seq: Number(seq),
      type,
      cardId,
    })),
    touched: JSON.parse(row.touched) as string[],
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
