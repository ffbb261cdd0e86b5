/**
 * The SQL of the activity stream, read from the event log (nothing else is written for it): a page
 * of a space channel by seq, or of several channels by time; where a card came from; and the names
 * a page mentions. A card's events are found by its id in the payload; the channel primary key
 * (channel, seq) bounds the scan and gives the order.
 */
import { activityEventTypes, type Card, type TodoItem } from "@lattice/domain";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.js";
import { cards, statuses, users } from "./schema/index.js";
import { json, rowsOf } from "./write-sql.js";

export interface ActivityRow {
  channel: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  at: Date;
  /** For a card.updated or card.deleted: the card as the last earlier event of it in the channel had it. */
  previousCard: Card | null;
  /** For a todo.updated or todo.deleted: the same for the to-do. */
  previousTodo: TodoItem | null;
}

/** A position in a page ordered by time: rows strictly older than it come next. */
export interface ActivityCursor {
  at: string;
  channel: string;
  seq: number;
}

export type ActivityRange =
  /** What one person did in these spaces, by time. */
  | { kind: "actor"; userId: string; spaceIds: readonly string[]; before: ActivityCursor | null }
  /** One card's events across the spaces it was in, by time (its arrival tells a move, not its departure). */
  | { kind: "card_across"; cardId: string; spaceIds: readonly string[]; before: ActivityCursor | null }
  /** One space channel by seq, or only one card's events in it. */
  | { kind: "channel"; spaceId: string; cardId?: string; before: number | null };

const cardCondition = (cardId: string): SQL => sql`(
  e.payload->'card'->>'id' = ${cardId}
  OR e.payload->>'cardId' = ${cardId}
  OR e.payload->'todo'->>'cardId' = ${cardId}
  OR e.payload->'comment'->>'cardId' = ${cardId}
  OR e.payload->'attachment'->>'cardId' = ${cardId}
  OR e.payload->'blocking'->>'cardId' = ${cardId}
  OR e.payload->'relation'->>'fromCardId' = ${cardId}
  OR e.payload->'relation'->>'toCardId' = ${cardId}
)`;

/** A Postgres array literal of strings made only of [0-9a-z:-] (ids, channels): one parameter. */
const textArray = (values: readonly string[]): string => `{${values.join(",")}}`;

const types = sql.raw(activityEventTypes.map((t) => `'${t}'`).join(", "));

const olderThan = (cursor: ActivityCursor | null): SQL =>
  cursor
    ? sql`AND (e.at, e.channel, e.seq) < (${cursor.at}::timestamptz, ${cursor.channel}::text, ${cursor.seq}::bigint)`
    : sql``;

/** Up to `limit` activity events of the range, newest first, each with the copy it changed. */
export const activityRows = async (
  db: Executor,
  range: ActivityRange,
  limit: number,
): Promise<ActivityRow[]> => {
  let where: SQL;
  let order: SQL;
  if (range.kind === "channel") {
    where = sql`e.channel = ${`space:${range.spaceId}`}
      ${range.before !== null ? sql`AND e.seq < ${range.before}` : sql``}
      ${range.cardId !== undefined ? sql`AND ${cardCondition(range.cardId)}` : sql``}`;
    order = sql`e.seq DESC`;
  } else {
    const channels = textArray(range.spaceIds.map((id) => `space:${id}`));
    where = sql`e.channel = ANY(${channels}::text[])
      ${
        range.kind === "actor"
          ? sql`AND e.actor_id = ${range.userId}`
          : sql`AND ${cardCondition(range.cardId)} AND e.type <> 'card.moved_out'`
      }
      ${olderThan(range.before)}`;
    order = sql`e.at DESC, e.channel DESC, e.seq DESC`;
  }
  // The previous copy of a changed card or to-do: the last earlier event of it in the same channel.
  const result = await db.execute(sql`
    SELECT e.channel, e.seq, e.type, e.payload, e.actor_id AS "actorId", e.at,
      CASE WHEN e.type IN ('card.updated', 'card.deleted') THEN (
        SELECT p.payload->'card' FROM events p
        WHERE p.channel = e.channel AND p.seq < e.seq
          AND p.type IN ('card.created', 'card.updated', 'card.moved')
          AND p.payload->'card'->>'id' = COALESCE(e.payload->'card'->>'id', e.payload->>'cardId')
        ORDER BY p.seq DESC LIMIT 1
      ) END AS "previousCard",
      CASE WHEN e.type IN ('todo.updated', 'todo.deleted') THEN (
        SELECT p.payload->'todo' FROM events p
        WHERE p.channel = e.channel AND p.seq < e.seq
          AND p.type IN ('todo.created', 'todo.updated')
          AND p.payload->'todo'->>'id' = COALESCE(e.payload->'todo'->>'id', e.payload->>'todoId')
        ORDER BY p.seq DESC LIMIT 1
      ) END AS "previousTodo"
    FROM events e
    WHERE ${where} AND e.type IN (${types})
    ORDER BY ${order}
    LIMIT ${limit}
  `);
  const orNull = <T>(value: unknown): T | null =>
    value === null || value === undefined ? null : json<T>(value);
  return rowsOf(result).map((r) => ({
    channel: String(r.channel),
    seq: Number(r.seq),
    type: String(r.type),
    payload: orNull<Record<string, unknown>>(r.payload) ?? {},
    actorId: (r.actorId as string | null) ?? null,
    at: new Date(r.at as string | Date),
    previousCard: orNull<Card>(r.previousCard),
    previousTodo: orNull<TodoItem>(r.previousTodo),
  }));
};

/** The spaces a card was moved into this space from (its `card.moved_in` events here). */
export const spacesCardMovedInFrom = async (
  db: Executor,
  spaceId: string,
  cardId: string,
): Promise<string[]> =>
  rowsOf(
    await db.execute(sql`
      SELECT DISTINCT e.payload->>'fromSpaceId' AS from_space_id FROM events e
      WHERE e.channel = ${`space:${spaceId}`} AND e.type = 'card.moved_in'
        AND e.payload->'card'->>'id' = ${cardId}`),
  ).map((row) => String(row.from_space_id));

/**
 * The names a page of activity mentions, in three queries at once: people by id, every status of
 * the spaces, and cards by id with their space (for the caller to check it may name them).
 */
export const activityNames = async (
  db: Executor,
  of: { userIds: ReadonlySet<string>; spaceIds: ReadonlySet<string>; cardIds: ReadonlySet<string> },
): Promise<{
  users: { id: string; name: string }[];
  statuses: { id: string; name: string }[];
  cards: { id: string; name: string; spaceId: string }[];
}> => {
  const [userRows, statusRows, cardRows] = await Promise.all([
    of.userIds.size > 0
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, [...of.userIds]))
      : [],
    of.spaceIds.size > 0
      ? db
          .select({ id: statuses.id, name: statuses.name })
          .from(statuses)
          .where(inArray(statuses.spaceId, [...of.spaceIds]))
      : [],
    of.cardIds.size > 0
      ? db
          .select({ id: cards.id, name: cards.name, spaceId: cards.spaceId })
          .from(cards)
          .where(inArray(cards.id, [...of.cardIds]))
      : [],
  ]);
  return { users: userRows, statuses: statusRows, cards: cardRows };
};
