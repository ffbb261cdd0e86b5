/**
 * Recently loaded chart histories, kept per process so that asking again for the charts of an
 * unchanged space skips the heavy load (one query and the building of every card's timeline), and
 * asking after a change costs about as little: the entry is brought up to date from the events since.
 *
 * Never stale: an entry holds the history of the spaces for one card filter as it was at each
 * space's channel seq, read in the same snapshot as the rows. Every change to a space appends an
 * event to its channel in the change's own transaction, so data that differs has a different seq (a
 * script that writes rows directly must append to the channel too, as `pnpm seed:demo` does). Each
 * request reads the current seqs from the database (one primary-key read), so this holds across
 * server instances.
 *
 * When the entry is older, one statement reads the events since its seqs and the rows of just the
 * cards they name (their card, status changes and blockings; see `loadChartChanges`), and only those
 * cards' timelines are built again. The result is kept at the seqs of that statement's snapshot. A
 * whole load happens instead where following the events could not be exact:
 * - a range that is not gapless (pruned history: a change may be missing);
 * - an event type not known here, or a card event that names no card (it may change cards unnamed);
 * - a field changed or deleted while the filter is on custom fields: the values of cards it touches
 *   change with no event naming those cards;
 * - more events than `maxEventsToFollow` (reading them all costs more than loading again).
 * A status renamed or reordered changes only the statuses; one whose role changed re-classifies the
 * entries in it (an entry takes its status's current role); a deleted one reloads the cards that were
 * ever in it (their entries fall back to the role recorded with the change).
 *
 * Bounded by the number of entries and by the rows they hold (cards, changes and blockings, about
 * 180 bytes each once built); the least recently used entry goes first.
 */
import type { Executor } from "@lattice/db";
import {
  type BlockedInterval,
  type CardHistory,
  type ChartHistory,
  type ChartStatus,
  chartHistory,
  type StatusRole,
} from "@lattice/domain";
import { type CardFilter, loadChannelSeqs, loadChartChanges, loadChartData } from "./chart-data.js";

export interface ChartCacheLimits {
  maxEntries: number;
  /** Cards + status changes + blockings over all entries. */
  maxRows: number;
  /** Past this many events since an entry, loading the whole history is cheaper than following them. */
  maxEventsToFollow: number;
}

/** About 55 MB at most: six spaces of 10,000 cards with two years of history, or 32 small ones. */
export const defaultChartCacheLimits: ChartCacheLimits = {
  maxEntries: 32,
  maxRows: 300_000,
  maxEventsToFollow: 2_000,
};

/** The history of some spaces for one card filter at one seq of each space. Never changed once made. */
interface Entry {
  seqs: readonly number[];
  history: ChartHistory;
  rows: number;
}

export interface ChartCache {
  /** The chart history of the spaces as they are now: from the cache when no space changed since. */
  load(db: Executor, spaceIds: readonly string[], filter: CardFilter): Promise<ChartHistory>;
  /**
   * How loads were answered (for tests, benchmarks): from memory as is (hits), brought up to date
   * from the events since (followed), or read whole (misses); `rowsFollowed` counts the cards, status
   * changes and blockings read to follow.
   */
  readonly stats: {
    hits: number;
    followed: number;
    misses: number;
    rowsFollowed: number;
    entries: number;
    rows: number;
  };
}

const keyOf = (spaceIds: readonly string[], filter: CardFilter): string =>
  [
    filter.responsibleId ?? "",
    filter.labelId ?? "",
    (filter.fields ?? []).map((f) => `${f.fieldId}:${f.value}`).join(","),
    ...spaceIds,
  ].join("|");

/** Events that change what the charts read of the card they name (its row, status changes, blockings). */
const cardEvents = [
  "card.created",
  "card.updated",
  "card.moved",
  "card.deleted",
  "card.restored",
  "card.moved_out",
  "card.moved_in",
  "card.field_set",
  "blocking.created",
  "blocking.cleared",
];
const cardEventSet = new Set(cardEvents);
/** Read again on every follow (a few rows): their changes need no event-by-event handling. */
const statusEvents = new Set(["status.created", "status.updated", "status.deleted"]);
/** Change a custom field's values on the cards without naming them (options removed, values gone). */
const fieldEvents = new Set(["field.updated", "field.deleted"]);
/**
 * Events that change nothing the charts read. A deleted label updates the cards that carried it with
 * a `card.updated` each; which spaces are read (archived, access) is decided before the cache.
 */
const otherEvents = new Set([
  "field.created",
  "label.created",
  "label.updated",
  "label.deleted",
  "relation.created",
  "relation.deleted",
  "comment.created",
  "comment.updated",
  "comment.deleted",
  "todo.created",
  "todo.updated",
  "todo.deleted",
  "attachment.created",
  "attachment.updated",
  "attachment.deleted",
  "card_template.created",
  "card_template.deleted",
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

/** What an entry holds, counted as the rows it was built from (a card without changes counts its one entry). */
const rowsOf = (history: ChartHistory): number => {
  let rows = history.histories.length;
  for (const h of history.histories) rows += h.timeline.length;
  for (const list of history.blockingsByCard.values()) rows += list.length;
  return rows;
};

/** Whether `next` is the same as or newer than `previous` for every space. */
const notOlder = (next: readonly number[], previous: readonly number[]): boolean =>
  next.every((seq, i) => seq >= (previous[i] ?? 0));

/**
 * The histories of untouched cards with roles as the new statuses define them: an entry takes its
 * status's current role, so only statuses whose role changed matter (deleted ones reload their cards).
 */
const reclassify = (
  histories: readonly CardHistory[],
  before: readonly ChartStatus[],
  after: readonly ChartStatus[],
): CardHistory[] => {
  const roleAfter = new Map(after.map((s) => [s.id, s.role]));
  const changed = new Map<string, StatusRole>();
  for (const s of before) {
    const role = roleAfter.get(s.id);
    if (role !== undefined && role !== s.role) changed.set(s.id, role);
  }
  if (changed.size === 0) return [...histories];
  return histories.map((h) => {
    const cardRole = changed.get(h.card.statusId);
    if (cardRole === undefined && !h.timeline.some((e) => changed.has(e.statusId))) return h;
    return {
      card: h.card,
      role: cardRole ?? h.role,
      timeline: h.timeline.map((e) => {
        const role = changed.get(e.statusId);
        return role === undefined ? e : { ...e, role };
      }),
    };
  });
};

export const createChartCache = (limits: ChartCacheLimits = defaultChartCacheLimits): ChartCache => {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, followed: 0, misses: 0, rowsFollowed: 0, entries: 0, rows: 0 };

  const remember = (key: string, entry: Entry) => {
    const previous = entries.get(key);
    // A request that read an older snapshot than the one already kept does not go back in time.
    if (previous && !notOlder(entry.seqs, previous.seqs)) return;
    if (previous) {
      entries.delete(key);
      stats.rows -= previous.rows;
    }
    if (entry.rows <= limits.maxRows) {
      entries.set(key, entry);
      stats.rows += entry.rows;
    }
    for (const [oldKey, old] of entries) {
      if (entries.size <= limits.maxEntries && stats.rows <= limits.maxRows) break;
      entries.delete(oldKey);
      stats.rows -= old.rows;
    }
    stats.entries = entries.size;
  };

  /** The entry brought up to date by the events since its seqs, or null where only a whole load is exact. */
  const follow = async (
    db: Executor,
    spaceIds: readonly string[],
    filter: CardFilter,
    entry: Entry,
  ): Promise<Entry | null> => {
    const changes = await loadChartChanges(db, spaceIds, filter, entry.seqs, cardEvents);
    const counts = spaceIds.map(() => 0);
    for (const event of changes.events) {
      counts[event.space] = (counts[event.space] ?? 0) + 1;
      if (cardEventSet.has(event.type)) {
        if (event.cardId === null) return null;
      } else if (fieldEvents.has(event.type)) {
        if ((filter.fields?.length ?? 0) > 0) return null;
      } else if (!statusEvents.has(event.type) && !otherEvents.has(event.type)) return null;
    }
    // The log is gapless; fewer events than the seqs moved (pruned history) cannot be followed.
    if (changes.seqs.some((seq, i) => counts[i] !== seq - (entry.seqs[i] ?? 0))) return null;
    stats.rowsFollowed += changes.cards.length + changes.changes.length + changes.blockings.length;
    const touched = new Set(changes.touched);
    const old = entry.history;
    const rebuilt = chartHistory(changes);
    const histories = reclassify(
      old.histories.filter((h) => !touched.has(h.card.id)),
      old.statuses,
      changes.statuses,
    );
    histories.push(...rebuilt.histories);
    const blockingsByCard = new Map<string, readonly BlockedInterval[]>(old.blockingsByCard);
    for (const id of touched) blockingsByCard.delete(id);
    for (const [id, list] of rebuilt.blockingsByCard) blockingsByCard.set(id, list);
    const history: ChartHistory = { statuses: changes.statuses, histories, blockingsByCard };
    return { seqs: changes.seqs, history, rows: rowsOf(history) };
  };

  return {
    stats,
    async load(db, spaceIds, filter) {
      const key = keyOf(spaceIds, filter);
      const seqs = await loadChannelSeqs(db, spaceIds);
      const cached = entries.get(key);
      if (cached && seqs.every((seq, i) => seq === cached.seqs[i])) {
        stats.hits++;
        entries.delete(key);
        entries.set(key, cached);
        return cached.history;
      }
      const behind = cached ? seqs.reduce((sum, seq, i) => sum + seq - (cached.seqs[i] ?? 0), 0) : 0;
      const followed =
        cached && notOlder(seqs, cached.seqs) && behind <= limits.maxEventsToFollow
          ? await follow(db, spaceIds, filter, cached)
          : null;
      if (followed) {
        stats.followed++;
        remember(key, followed);
        return followed.history;
      }
      stats.misses++;
      const data = await loadChartData(db, spaceIds, filter);
      const history = chartHistory(data);
      // Kept at the seqs the rows were read at: a change committed in between is followed next time.
      remember(key, { seqs: data.seqs, history, rows: rowsOf(history) });
      return history;
    },
  };
};
