/**
 * The board snapshot of each recently read space, kept per process already serialized, so that
 * reading a board again costs a few primary-key reads instead of loading, validating and
 * serializing every card.
 *
 * Never stale: an entry holds the space's statuses and live cards as they were at one seq of the
 * space's channel. Every change to a space's statuses or cards appends an event to that channel in
 * the change's own transaction, naming the card it touched. A request reads the current seq in its
 * own snapshot (a primary-key read of the database, so this holds across server instances); when
 * the entry is older, it reads the events in between (a gapless range, else it starts over), reloads
 * just the cards they name (and the statuses if a status changed), and keeps the result as a new
 * entry at the new seq. An event type it does not know reloads the whole board.
 *
 * What is not keyed by the space's seq stays out of the entry and is read on every request: the
 * space itself and the caller's role (per viewer), and the relations (a card deleted in another
 * space drops its relations to this space's cards with no event on this space's channel).
 *
 * The cards are kept as the reply sends them (`boardReplySchema`: compact, grouped by status, people by
 * index in the entry's people list). Following events re-serializes only the cards they name: the
 * people list only grows while entries follow one another, so the indexes in the kept cards' text stay
 * right; a whole load starts a new list (dropping people no card names any more).
 *
 * Compressed replies are kept beside the entry, keyed by everything else the reply holds.
 *
 * Bounded by bytes (serialized text, the card objects, the compressed copies); the least recently
 * used space goes first.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import { boardChangesBetween, type Executor, loadCards, tables, toStatus } from "@lattice/db";
import {
  boardReplyCardSchema,
  type Card,
  compactCard,
  createPeopleIndex,
  type PeopleIndex,
  type Status,
  spaceChannel,
  statusSchema,
} from "@lattice/domain";
import { asc, eq } from "drizzle-orm";

export type ReplyEncoding = "br" | "gzip";

export interface BoardCacheLimits {
  /** Approximate bytes over all entries. */
  maxBytes: number;
  /** Past this many events since an entry, reloading the whole board is cheaper than following them. */
  maxEventsToFollow: number;
}

/** 64 MB (`BOARD_CACHE_MB`): about 140 boards of 1,000 new cards, or 28 of 5,000 (compact text and ordering keys). */
export const defaultBoardCacheLimits: BoardCacheLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxEventsToFollow: 500,
};

/** A card as the board keeps it: what orders it, and its text (not the card object, several times larger). */
interface CardSlot {
  id: string;
  statusId: string;
  position: string;
  /** The card as the reply serializes it (people by index in its entry's list), checked against the reply's card schema once. */
  json: string;
}

/** A space's board at one seq. Never changed once made: a newer seq is a new entry. */
interface Entry {
  seq: number;
  statuses: Status[];
  statusesJson: string;
  /** Live cards in board order: by status id, then position (byte-wise, like the database). */
  cards: CardSlot[];
  /** The people the cards name by index; a following entry extends a copy of it. */
  people: PeopleIndex;
  peopleJson: string;
  /** The cards by status id (`cardsByStatus`). */
  cardsJson: string;
  /** Compressed replies of this seq, keyed by encoding and the rest of the reply. */
  compressed: Map<string, Buffer>;
  /** The text and card objects; the compressed copies add their own length. */
  baseBytes: number;
  bytes: number;
}

/** The cached part of a board reply: statuses, people and cards at `seq`, as JSON text. */
export interface BoardContent {
  seq: number;
  statusesJson: string;
  /** The reply's `people`. */
  peopleJson: string;
  /** The reply's `cardsByStatus`. */
  cardsJson: string;
  /** The ids of the live cards, for what is read beside the cache (custom field values). */
  cardIds: ReadonlySet<string>;
  /** The compressed bytes of the whole reply `text` when `key` (what else it holds) was seen at this seq. */
  compressed(encoding: ReplyEncoding, key: string, text: string): Promise<Buffer>;
}

export interface BoardCache {
  /**
   * The statuses and live cards of the space at `seq`. `seq` must be the channel's seq read in the
   * same snapshot as `db` (a repeatable-read transaction): every read here then sees that state.
   */
  content(db: Executor, spaceId: string, seq: number): Promise<BoardContent>;
  /** How boards were answered (for tests and benchmarks): from memory as is, brought up to date, or loaded whole. */
  readonly stats: {
    hits: number;
    followed: number;
    misses: number;
    compressions: number;
    entries: number;
    bytes: number;
  };
}

const byBoardOrder = (a: CardSlot, b: CardSlot): number => {
  // uuids compare byte-wise in PostgreSQL, as their lowercase hex text does; positions are COLLATE "C".
  if (a.statusId !== b.statusId) return a.statusId < b.statusId ? -1 : 1;
  return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
};

const slotOf = (card: Card, people: PeopleIndex): CardSlot => ({
  id: card.id,
  statusId: card.statusId,
  position: card.position,
  json: JSON.stringify(boardReplyCardSchema.parse(compactCard(card, people))),
});

/** `cardsByStatus` of slots in board order: one run of cards per status. */
const cardsByStatusText = (cards: readonly CardSlot[]): string => {
  const parts: string[] = [];
  let statusId: string | null = null;
  for (const slot of cards) {
    if (slot.statusId !== statusId) {
      parts.push(`${statusId === null ? "" : "],"}${JSON.stringify(slot.statusId)}:[`);
      statusId = slot.statusId;
    } else parts.push(",");
    parts.push(slot.json);
  }
  return `{${parts.join("")}${statusId === null ? "" : "]"}}`;
};

/** Events that name the card they change (in `cardId`, `card.id`, `todo.cardId` or `blocking.cardId`). */
const cardEvents = new Set([
  "card.created",
  "card.updated",
  "card.moved",
  "card.deleted",
  "card.restored",
  "todo.created",
  "todo.updated",
  "todo.deleted",
  "blocking.created",
  "blocking.cleared",
]);
const statusEvents = new Set(["status.created", "status.updated", "status.deleted"]);
/**
 * Events that change neither statuses nor cards as the board shows them. A deleted label updates the
 * cards that carried it with a `card.updated` each; relations, the space and access are read fresh.
 */
const otherEvents = new Set([
  "label.created",
  "label.updated",
  "label.deleted",
  "relation.created",
  "relation.deleted",
  "comment.created",
  "comment.updated",
  "comment.deleted",
  "space.updated",
  "space_member.added",
  "space_member.updated",
  "space_member.removed",
  "access.changed",
  "invitations.changed",
  "saved_view.created",
  "saved_view.updated",
  "saved_view.deleted",
]);

const loadStatuses = async (db: Executor, spaceId: string): Promise<Status[]> =>
  (
    await db
      .select()
      .from(tables.statuses)
      .where(eq(tables.statuses.spaceId, spaceId))
      .orderBy(asc(tables.statuses.position))
  ).map(toStatus);

const statusesText = (statuses: readonly Status[]): string =>
  JSON.stringify(statuses.map((status) => statusSchema.parse(status)));

const makeEntry = (
  seq: number,
  statuses: Status[],
  statusesJson: string,
  cards: CardSlot[],
  people: PeopleIndex,
): Entry => {
  const cardsJson = cardsByStatusText(cards);
  const peopleJson = JSON.stringify(people.ids);
  // The joined text, each card's text and its slot (ids and position): a rough figure is enough for
  // a bound.
  const baseBytes = statusesJson.length + 2 * peopleJson.length + 2 * cardsJson.length + 160 * cards.length;
  return {
    seq,
    statuses,
    statusesJson,
    cards,
    people,
    peopleJson,
    cardsJson,
    compressed: new Map(),
    baseBytes,
    bytes: baseBytes,
  };
};

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
/** As @fastify/compress does for the other replies: quality 4 is most of brotli's gain for a fraction of 11's time. */
const brotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
/** A few viewers' variants (role, space, relations) per seq are plenty. */
const maxCompressedPerEntry = 4;

export const createBoardCache = (limits: BoardCacheLimits = defaultBoardCacheLimits): BoardCache => {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, followed: 0, misses: 0, compressions: 0, entries: 0, bytes: 0 };

  const evict = () => {
    for (const [spaceId, old] of entries) {
      if (stats.bytes <= limits.maxBytes) break;
      entries.delete(spaceId);
      stats.bytes -= old.bytes;
    }
    stats.entries = entries.size;
  };

  const remember = (spaceId: string, entry: Entry) => {
    const previous = entries.get(spaceId);
    // A request that read an older snapshot than another one already kept does not go back in time.
    if (previous && previous.seq > entry.seq) return;
    if (previous) {
      entries.delete(spaceId);
      stats.bytes -= previous.bytes;
    }
    if (entry.bytes > limits.maxBytes) {
      stats.entries = entries.size;
      return;
    }
    entries.set(spaceId, entry);
    stats.bytes += entry.bytes;
    evict();
  };

  const loadWhole = async (db: Executor, spaceId: string, seq: number): Promise<Entry> => {
    const statuses = await loadStatuses(db, spaceId);
    const people = createPeopleIndex();
    const cards = (await loadCards(db, { spaceId })).map((card) => slotOf(card, people));
    return makeEntry(seq, statuses, statusesText(statuses), cards, people);
  };

  /** The entry brought from its seq to `seq` by the events in between, or null when a whole load is needed. */
  const follow = async (db: Executor, spaceId: string, entry: Entry, seq: number): Promise<Entry | null> => {
    if (seq - entry.seq > limits.maxEventsToFollow) return null;
    const changes = await boardChangesBetween(db, spaceChannel(spaceId), entry.seq, seq);
    // The log is gapless; a missing event (pruned history) means the range cannot be followed.
    if (changes.length !== seq - entry.seq) return null;
    const touched = new Set<string>();
    let statusesChanged = false;
    for (const change of changes) {
      if (cardEvents.has(change.type)) {
        if (change.cardId === null) return null;
        touched.add(change.cardId);
      } else if (statusEvents.has(change.type)) statusesChanged = true;
      else if (!otherEvents.has(change.type)) return null;
    }
    const statuses = statusesChanged ? await loadStatuses(db, spaceId) : entry.statuses;
    const statusesJson = statusesChanged ? statusesText(statuses) : entry.statusesJson;
    if (touched.size === 0 && !statusesChanged) {
      return { ...entry, seq, compressed: new Map(), bytes: entry.baseBytes };
    }
    const reloaded = await loadCards(db, { ids: [...touched] });
    const kept = entry.cards.filter((slot) => !touched.has(slot.id));
    // The kept cards' text names people by their index in the old list: the new list extends a copy.
    const people = createPeopleIndex(entry.people.ids);
    for (const card of reloaded) {
      // Still on this board: in this space and not archived.
      if (card.spaceId === spaceId && card.archivedAt === null) kept.push(slotOf(card, people));
    }
    kept.sort(byBoardOrder);
    return makeEntry(seq, statuses, statusesJson, kept, people);
  };

  const contentOf = (spaceId: string, entry: Entry): BoardContent => ({
    seq: entry.seq,
    statusesJson: entry.statusesJson,
    peopleJson: entry.peopleJson,
    cardsJson: entry.cardsJson,
    get cardIds() {
      return new Set(entry.cards.map((slot) => slot.id));
    },
    async compressed(encoding, key, text) {
      const cacheKey = `${encoding}\u0000${key}`;
      const known = entry.compressed.get(cacheKey);
      if (known) return known;
      const bytes = encoding === "br" ? await brotli(text, brotliOptions) : await gzip(text);
      stats.compressions++;
      let added = bytes.length;
      for (const [oldKey, old] of entry.compressed) {
        if (entry.compressed.size < maxCompressedPerEntry) break;
        entry.compressed.delete(oldKey);
        added -= old.length;
      }
      entry.compressed.set(cacheKey, bytes);
      entry.bytes += added;
      // Counted against the bound only while the entry is still the space's current one.
      if (entries.get(spaceId) === entry) {
        stats.bytes += added;
        evict();
      }
      return bytes;
    },
  });

  return {
    stats,
    async content(db, spaceId, seq) {
      const cached = entries.get(spaceId);
      if (cached && cached.seq === seq) {
        stats.hits++;
        entries.delete(spaceId);
        entries.set(spaceId, cached);
        return contentOf(spaceId, cached);
      }
      const followed = cached && cached.seq < seq ? await follow(db, spaceId, cached, seq) : null;
      if (followed) stats.followed++;
      else stats.misses++;
      const entry = followed ?? (await loadWhole(db, spaceId, seq));
      remember(spaceId, entry);
      return contentOf(spaceId, entry);
    },
  };
};
