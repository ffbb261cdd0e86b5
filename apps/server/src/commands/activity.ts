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
import {
  type ActivityCursor,
  type ActivityRange,
  type ActivityRow,
  activityNames,
  activityRows,
  type Executor,
  spaceAccess,
  spacesCardMovedInFrom,
  userLocaleOf,
} from "@lattice/db";
import {
  type ActivityEvent,
  type ActivityItem,
  type ActivityPage,
  activityCardId,
  type Card,
  createTranslator,
  describeEvent,
  parseChannel,
  type Translator,
} from "@lattice/domain";
import { invalidField } from "./authorize.js";

export type ActivityScope =
  /** `earlierSpaceIds`: spaces the card was moved out of that the reader may read (`cardHistorySpaces`). */
  | { kind: "card"; spaceId: string; cardId: string; earlierSpaceIds?: readonly string[] }
  | { kind: "space"; spaceId: string }
  | { kind: "actor"; userId: string; spaceIds: readonly string[] };

type Row = ActivityRow;
type Cursor = ActivityCursor;

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
    for (const from of await spacesCardMovedInFrom(db, current, cardId)) {
      if (seen.has(from)) continue;
      seen.add(from);
      queue.push(from);
      // Security: a space the reader may not read lends none of its events, even the card's own.
      if ((await spaceAccess(db, readerId, from)) !== null) readable.push(from);
    }
  }
  return readable;
};

/** The rows of a page: the scope and `before` (a seq, or a cursor when paging by time) as a range. */
const fetchRows = (
  db: Executor,
  scope: ActivityScope,
  before: string | null,
  limit: number,
): Promise<Row[]> => {
  let range: ActivityRange;
  if (scope.kind === "actor")
    range = {
      kind: "actor",
      userId: scope.userId,
      spaceIds: scope.spaceIds,
      before: before ? decodeCursor(before) : null,
    };
  else if (scope.kind === "card" && isMultiChannel(scope))
    range = {
      kind: "card_across",
      cardId: scope.cardId,
      spaceIds: [scope.spaceId, ...(scope.earlierSpaceIds ?? [])],
      before: before ? decodeCursor(before) : null,
    };
  else
    range = {
      kind: "channel",
      spaceId: scope.spaceId,
      ...(scope.kind === "card" ? { cardId: scope.cardId } : {}),
      before: before ? parseSeq(before) : null,
    };
  return activityRows(db, range, limit);
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
  const {
    users: userRows,
    statuses: statusRows,
    cards: cardRows,
  } = await activityNames(db, { userIds, spaceIds, cardIds });
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
  const reader = await userLocaleOf(db, readerId);
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
