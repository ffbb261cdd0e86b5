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
 * Whole replies are kept beside the entry as bytes, plain and compressed, keyed by everything else the
 * reply holds (what the route reads beside the cache, as read): a read that finds its key sends them
 * without serializing or compressing anything.
 *
 * Bounded by bytes (serialized text, the card slots, the kept replies); the least recently used space
 * goes first.
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
  /** Whole replies of this seq, keyed by the rest of the reply. */
  replies: Map<string, KeptReply>;
  /** The live card ids, made on first use. */
  cardIds: ReadonlySet<string> | null;
  /** The text and card slots; the kept replies add their own length. */
  baseBytes: number;
  bytes: number;
}

interface KeptReply {
  plain: Buffer;
  /** Each encoding compressed once: reads that come while it is being compressed wait for the same bytes. */
  encoded: Map<ReplyEncoding, Promise<Buffer>>;
  /** The bytes of the compressed copies made so far. */
  encodedBytes: number;
}

/** A whole board reply as bytes, ready to send. */
export interface BoardReplyBytes {
  /** The JSON text, UTF-8 encoded. */
  plain: Buffer;
  /** The same compressed (compressed once per reply and encoding, then kept). */
  encoded(encoding: ReplyEncoding): Promise<Buffer>;
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
  /**
   * The whole reply whose other parts `key` names (what the route read beside the cache, as read):
   * kept from an earlier read of this seq with the same key, else made from `text()` and kept.
   */
  reply(key: string, text: () => string): BoardReplyBytes;
}

export interface BoardCache {
  /**
   * The statuses and live cards of the space at `seq`. `seq` must be the channel's seq read in the
   * same snapshot as `db` (a repeatable-read transaction): every read here then sees that state.
   */
  content(db: Executor, spaceId: string, seq: number): Promise<BoardContent>;
  /** The content at `seq` when it is kept as is (no read needed), else null. */
  peek(spaceId: string, seq: number): BoardContent | null;
  /**
   * How boards were answered (for tests and benchmarks): from memory as is, brought up to date, loaded
   * whole, or by waiting for another read's load of the same seq.
   */
  readonly stats: {
    hits: number;
    shared: number;
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
    replies: new Map(),
    cardIds: null,
    baseBytes,
    bytes: baseBytes,
  };
};

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
/** As @fastify/compress does for the other replies: quality 4 is most of brotli's gain for a fraction of 11's time. */
const brotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
/** A few viewers' variants (role, space, relations) per seq are plenty. */
const maxRepliesPerEntry = 4;

export const createBoardCache = (limits: BoardCacheLimits = defaultBoardCacheLimits): BoardCache => {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, shared: 0, followed: 0, misses: 0, compressions: 0, entries: 0, bytes: 0 };
  /** Loads under way, by space and seq. */
  const loads = new Map<string, Promise<Entry>>();

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
      return { ...entry, seq, replies: new Map(), bytes: entry.baseBytes };
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

  /** Adds `bytes` to an entry's size, and to the bound while the entry is the space's current one. */
  const grow = (spaceId: string, entry: Entry, bytes: number) => {
    entry.bytes += bytes;
    if (entries.get(spaceId) === entry) {
      stats.bytes += bytes;
      evict();
    }
  };

  const keep = (spaceId: string, entry: Entry, key: string, text: string): KeptReply => {
    const kept: KeptReply = { plain: Buffer.from(text, "utf8"), encoded: new Map(), encodedBytes: 0 };
    let added = key.length + kept.plain.length;
    for (const [oldKey, old] of entry.replies) {
      if (entry.replies.size < maxRepliesPerEntry) break;
      entry.replies.delete(oldKey);
      added -= oldKey.length + old.plain.length + old.encodedBytes;
    }
    entry.replies.set(key, kept);
    grow(spaceId, entry, added);
    return kept;
  };

  const contentOf = (spaceId: string, entry: Entry): BoardContent => ({
    seq: entry.seq,
    statusesJson: entry.statusesJson,
    peopleJson: entry.peopleJson,
    cardsJson: entry.cardsJson,
    get cardIds() {
      entry.cardIds ??= new Set(entry.cards.map((slot) => slot.id));
      return entry.cardIds;
    },
    reply(key, text) {
      const kept = entry.replies.get(key) ?? keep(spaceId, entry, key, text());
      return {
        plain: kept.plain,
        encoded(encoding) {
          const known = kept.encoded.get(encoding);
          if (known) return known;
          stats.compressions++;
          const compressing = (encoding === "br" ? brotli(kept.plain, brotliOptions) : gzip(kept.plain)).then(
            (bytes) => {
              kept.encodedBytes += bytes.length;
              if (entry.replies.get(key) === kept) grow(spaceId, entry, bytes.length);
              return bytes;
            },
            (error: unknown) => {
              // Not kept: the next read tries again.
              kept.encoded.delete(encoding);
              throw error;
            },
          );
          kept.encoded.set(encoding, compressing);
          return compressing;
        },
      };
    },
  });

  return {
    stats,
    peek(spaceId, seq) {
      const cached = entries.get(spaceId);
      if (!cached || cached.seq !== seq) return null;
      stats.hits++;
      entries.delete(spaceId);
      entries.set(spaceId, cached);
      return contentOf(spaceId, cached);
    },
    async content(db, spaceId, seq) {
      const cached = entries.get(spaceId);
      if (cached && cached.seq === seq) {
        stats.hits++;
        entries.delete(spaceId);
        entries.set(spaceId, cached);
        return contentOf(spaceId, cached);
      }
      // Reads of one seq that come together share one load (a board that many open after a change):
      // the entry is the space's state at that seq, whichever snapshot read it.
      const loadKey = `${spaceId}\u0000${seq}`;
      const inFlight = loads.get(loadKey);
      if (inFlight) {
        const loaded = await inFlight.catch(() => null);
        if (loaded) {
          stats.shared++;
          const kept = entries.get(spaceId);
          return contentOf(spaceId, kept?.seq === seq ? kept : loaded);
        }
      }
      const load = (async () => {
        const followed = cached && cached.seq < seq ? await follow(db, spaceId, cached, seq) : null;
        if (followed) stats.followed++;
        else stats.misses++;
        const entry = followed ?? (await loadWhole(db, spaceId, seq));
        remember(spaceId, entry);
        return entry;
      })();
      loads.set(loadKey, load);
      try {
        return contentOf(spaceId, await load);
      } finally {
        if (loads.get(loadKey) === load) loads.delete(loadKey);
      }
    },
  };
};
