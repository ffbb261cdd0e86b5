/**
 * The activity stream, read from the event log (the log is the stream: nothing else is written).
 * A card's activity is its space channel filtered by the card id in the payload; the channel
 * primary key (channel, seq) bounds the scan and gives the order. The sentences are the domain's
 * (`describeEvent`), in the reader's language (`users.locale`); names of people, statuses and cards
 * are loaded once per page.
 *
 * Paging goes backwards: `before` is a seq for a card or space, an opaque cursor for "my activity"
 * (which spans channels and is ordered by time).
 */
import { type Executor, spaceAccess, tables } from "@lattice/db";
import {
  type ActivityEvent,
  type ActivityItem,
  type ActivityPage,
  activityCardId,
  activityEventTypes,
  type Card,
  createTranslator,
  describeEvent,
  parseChannel,
  type TodoItem,
  type Translator,
} from "@lattice/domain";
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import { invalidField } from "./authorize.js";

export type ActivityScope =
  /** `earlierSpaceIds`: spaces the card was moved out of that the reader may read (`cardHistorySpaces`). */
  | { kind: "card"; spaceId: string; cardId: string; earlierSpaceIds?: readonly string[] }
  | { kind: "space"; spaceId: string }
  | { kind: "actor"; userId: string; spaceIds: readonly string[] };

interface Row {
  channel: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  at: Date;
  previousCard: Card | null;
  previousTodo: TodoItem | null;
}

interface Cursor {
  at: string;
  channel: string;
  seq: number;
}

const json = <T>(value: unknown): T | null =>
  value === null || value === undefined
    ? null
    : ((typeof value === "string" ? JSON.parse(value) : value) as T);

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  (result as { rows: Record<string, unknown>[] }).rows;

/** A Postgres array literal of strings made only of [0-9a-z:-] (ids, channels): one parameter. */
const textArray = (values: readonly string[]): string => `{${values.join(",")}}`;

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString("base64url");

const decodeCursor = (value: string): Cursor => {
  try {
    const c = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<Cursor>;
    if (
      typeof c.at === "string" &&
      !Number.isNaN(Date.parse(c.at)) &&
      typeof c.channel === "string" &&
      parseChannel(c.channel) &&
      Number.isSafeInteger(c.seq)
    ) {
      return { at: c.at, channel: c.channel, seq: c.seq as number };
    }
  } catch {
    // falls through to the 400
  }
  throw invalidField("querystring.before", "is not a cursor this API gave out", {
    key: "refusal.field.notCursor",
  });
};

const parseSeq = (value: string): number => {
  if (!/^\d{1,15}$/.test(value))
    throw invalidField("querystring.before", "must be an event seq (a whole number)", {
      key: "refusal.field.eventSeq",
    });
  return Number(value);
};

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

/** Scopes read from several channels page by time (an opaque cursor), the others by seq. */
const isMultiChannel = (scope: ActivityScope): boolean =>
  scope.kind === "actor" || (scope.kind === "card" && (scope.earlierSpaceIds?.length ?? 0) > 0);

/**
 * The spaces a card was moved out of, newest move first, that `readerId` may read: followed back
 * through each space's `card.moved_in` events of the card, so its history before a move still reads.
 */
export const cardHistorySpaces = async (
  db: Executor,
  readerId: string,
  spaceId: string,
  cardId: string,
): Promise<string[]> => {
  const seen = new Set([spaceId]);
  const readable: string[] = [];
  const queue = [spaceId];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    const rows = rowsOf(
      await db.execute(sql`
        SELECT DISTINCT e.payload->>'fromSpaceId' AS from_space_id FROM events e
        WHERE e.channel = ${`space:${current}`} AND e.type = 'card.moved_in'
          AND e.payload->'card'->>'id' = ${cardId}`),
    );
    for (const row of rows) {
      const from = String(row.from_space_id);
      if (seen.has(from)) continue;
      seen.add(from);
      queue.push(from);
      // Security: a space the reader may not read lends none of its events, even the card's own.
      if ((await spaceAccess(db, readerId, from)) !== null) readable.push(from);
    }
  }
  return readable;
};

const types = sql.raw(activityEventTypes.map((t) => `'${t}'`).join(", "));

const fetchRows = async (
  db: Executor,
  scope: ActivityScope,
  before: string | null,
  limit: number,
): Promise<Row[]> => {
  let where: SQL;
  let order: SQL;
  if (isMultiChannel(scope) && scope.kind !== "space") {
    const spaceIds =
      scope.kind === "actor" ? scope.spaceIds : [scope.spaceId, ...(scope.earlierSpaceIds ?? [])];
    const channels = textArray(spaceIds.map((id) => `space:${id}`));
    const cursor = before ? decodeCursor(before) : null;
    where = sql`e.channel = ANY(${channels}::text[])
      ${
        scope.kind === "actor"
          ? sql`AND e.actor_id = ${scope.userId}`
          : // The card's own story: its arrival tells the move; the departure would repeat it.
            sql`AND ${cardCondition(scope.cardId)} AND e.type <> 'card.moved_out'`
      }
      ${cursor ? sql`AND (e.at, e.channel, e.seq) < (${cursor.at}::timestamptz, ${cursor.channel}::text, ${cursor.seq}::bigint)` : sql``}`;
    order = sql`e.at DESC, e.channel DESC, e.seq DESC`;
  } else if (scope.kind === "actor") {
    const channels = textArray(scope.spaceIds.map((id) => `space:${id}`));
    const cursor = before ? decodeCursor(before) : null;
    where = sql`e.channel = ANY(${channels}::text[]) AND e.actor_id = ${scope.userId}
      ${cursor ? sql`AND (e.at, e.channel, e.seq) < (${cursor.at}::timestamptz, ${cursor.channel}::text, ${cursor.seq}::bigint)` : sql``}`;
    order = sql`e.at DESC, e.channel DESC, e.seq DESC`;
  } else {
    const channel = `space:${scope.spaceId}`;
    where = sql`e.channel = ${channel}
      ${before ? sql`AND e.seq < ${parseSeq(before)}` : sql``}
      ${scope.kind === "card" ? sql`AND ${cardCondition(scope.cardId)}` : sql``}`;
    order = sql`e.seq DESC`;
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
  return rowsOf(result).map((r) => ({
    channel: String(r.channel),
    seq: Number(r.seq),
    type: String(r.type),
    payload: json<Record<string, unknown>>(r.payload) ?? {},
    actorId: (r.actorId as string | null) ?? null,
    at: new Date(r.at as string | Date),
    previousCard: json<Card>(r.previousCard),
    previousTodo: json<TodoItem>(r.previousTodo),
  }));
};

/**
 * Names of everyone, every status and every card the rows mention, in three queries. Security: a
 * card in a space the reader may not see (the other end of a relation) is never named; the rows'
 * own channels are readable by construction (the route checked them), other spaces are checked
 * once each.
 */
const loadNames = async (db: Executor, rows: Row[], readerId: string, { t }: Translator) => {
  const userIds = new Set<string>();
  const cardIds = new Set<string>();
  const spaceIds = new Set<string>();
  for (const r of rows) {
    if (r.actorId) userIds.add(r.actorId);
    const space = parseChannel(r.channel);
    if (space?.kind === "space") spaceIds.add(space.id);
    for (const card of [r.payload.card as Card | undefined, r.previousCard]) {
      if (!card) continue;
      if (card.responsibleId) userIds.add(card.responsibleId);
      for (const id of card.coworkerIds ?? []) userIds.add(id);
    }
    const cardId = activityCardId(r as unknown as ActivityEvent);
    if (cardId) cardIds.add(cardId);
    const relation = r.payload.relation as { toCardId?: string } | undefined;
    if (relation?.toCardId) cardIds.add(relation.toCardId);
  }
  const { users, statuses, cards } = tables;
  const [userRows, statusRows, cardRows] = await Promise.all([
    userIds.size > 0
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, [...userIds]))
      : [],
    spaceIds.size > 0
      ? db
          .select({ id: statuses.id, name: statuses.name })
          .from(statuses)
          .where(inArray(statuses.spaceId, [...spaceIds]))
      : [],
    cardIds.size > 0
      ? db
          .select({ id: cards.id, name: cards.name, spaceId: cards.spaceId })
          .from(cards)
          .where(inArray(cards.id, [...cardIds]))
      : [],
  ]);
  const isReadable = new Map<string, boolean>([...spaceIds].map((id) => [id, true]));
  for (const card of cardRows) {
    if (!isReadable.has(card.spaceId))
      isReadable.set(card.spaceId, (await spaceAccess(db, readerId, card.spaceId)) !== null);
  }
  const hiddenCardIds = new Set(cardRows.filter((c) => !isReadable.get(c.spaceId)).map((c) => c.id));
  const byId = (list: Array<{ id: string; name: string }>) => new Map(list.map((x) => [x.id, x.name]));
  const userNames = byId(userRows);
  const statusNames = byId(statusRows);
  const cardNames = byId(cardRows);
  return {
    user: (id: string) => userNames.get(id) ?? t("activity.formerUser"),
    status: (id: string) => statusNames.get(id) ?? t("activity.removedStatus"),
    card: (id: string) =>
      hiddenCardIds.has(id) ? t("activity.hiddenCard") : (cardNames.get(id) ?? t("activity.deletedCard")),
    isHiddenCard: (id: string) => hiddenCardIds.has(id),
  };
};

/** The card an item links to: the one it is about, or for a relation the end the reader can see. */
const visibleCardId = (event: ActivityEvent, isHiddenCard: (id: string) => boolean): string | null => {
  const cardId = activityCardId(event);
  if (cardId === null || !isHiddenCard(cardId)) return cardId;
  if (event.type === "relation.created" || event.type === "relation.deleted") {
    const { fromCardId, toCardId } = event.payload.relation;
    const other = cardId === fromCardId ? toCardId : fromCardId;
    return isHiddenCard(other) ? null : other;
  }
  return null;
};

const maxRounds = 5;

/**
 * One page of activity, newest first. Rows that do not read as activity (a card.updated that only
 * carries new to-do counts) are skipped; the page is topped up from older rows a few times, and
 * `nextBefore` continues exactly after the last row looked at.
 */
export const readActivity = async (
  db: Executor,
  readerId: string,
  scope: ActivityScope,
  before: string | null,
  limit: number,
): Promise<ActivityPage> => {
  if (scope.kind === "actor" && scope.spaceIds.length === 0) return { items: [], nextBefore: null };
  const [reader] = await db
    .select({ locale: tables.users.locale, timeZone: tables.users.timeZone })
    .from(tables.users)
    .where(eq(tables.users.id, readerId));
  const translator = createTranslator(reader?.locale, reader?.timeZone);
  const items: ActivityItem[] = [];
  let cursor = before;
  let exhausted = false;
  for (let round = 0; round < maxRounds && items.length < limit && !exhausted; round++) {
    const want = limit - items.length;
    const rows = await fetchRows(db, scope, cursor, want);
    exhausted = rows.length < want;
    const last = rows.at(-1);
    if (last) {
      cursor = isMultiChannel(scope)
        ? encodeCursor({ at: last.at.toISOString(), channel: last.channel, seq: last.seq })
        : String(last.seq);
    }
    const names = await loadNames(db, rows, readerId, translator);
    for (const r of rows) {
      const event = { type: r.type, payload: r.payload, actorId: r.actorId } as ActivityEvent;
      const text = describeEvent(event, names, translator, { card: r.previousCard, todo: r.previousTodo });
      if (text === null) continue;
      items.push({
        seq: r.seq,
        channel: r.channel,
        type: r.type,
        actorId: r.actorId,
        actorName: r.actorId ? names.user(r.actorId) : translator.t("activity.someone"),
        at: r.at.toISOString(),
        text,
        cardId: visibleCardId(event, names.isHiddenCard),
      });
    }
  }
  return { items, nextBefore: exhausted ? null : cursor };
};
