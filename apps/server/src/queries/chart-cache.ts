/**
 * Recently loaded chart histories, kept per process so that asking again for the charts of an
 * unchanged space skips the heavy load (one query and the building of every card's timeline).
 *
 * Never stale: an entry is keyed by the spaces, the card filter and each space's channel seq, read
 * in the same snapshot as the rows. Every change to a space appends an event to its channel in the
 * change's own transaction, so data that differs has a different seq (a script that writes rows
 * directly must append to the channel too, as `pnpm seed:demo` does). Each request reads the current
 * seqs from the database (one primary-key read), so this holds across server instances.
 *
 * Bounded by the number of entries and by the rows they hold (cards, changes and blockings, about
 * 180 bytes each once built); the least recently used entry goes first.
 */
import type { Executor } from "@lattice/db";
import { type ChartHistory, chartHistory } from "@lattice/domain";
import { type CardFilter, loadChannelSeqs, loadChartData } from "./chart-data.js";

export interface ChartCacheLimits {
  maxEntries: number;
  /** Cards + status changes + blockings over all entries. */
  maxRows: number;
}

/** About 55 MB at most: six spaces of 10,000 cards with two years of history, or 32 small ones. */
export const defaultChartCacheLimits: ChartCacheLimits = { maxEntries: 32, maxRows: 300_000 };

interface Entry {
  history: ChartHistory;
  rows: number;
}

export interface ChartCache {
  /** The chart history of the spaces as they are now: from the cache when no space changed since. */
  load(db: Executor, spaceIds: readonly string[], filter: CardFilter): Promise<ChartHistory>;
  /** How many loads were answered from memory and how many read the database (for tests, benchmarks). */
  readonly stats: { hits: number; misses: number; entries: number; rows: number };
}

const keyOf = (spaceIds: readonly string[], seqs: readonly number[], filter: CardFilter): string =>
  [
    filter.responsibleId ?? "",
    filter.labelId ?? "",
    (filter.fields ?? []).map((f) => `${f.fieldId}:${f.value}`).join(","),
    ...spaceIds.map((id, i) => `${id}@${seqs[i] ?? 0}`),
  ].join("|");

export const createChartCache = (limits: ChartCacheLimits = defaultChartCacheLimits): ChartCache => {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0, entries: 0, rows: 0 };

  const remember = (key: string, entry: Entry) => {
    if (entry.rows > limits.maxRows) return;
    const previous = entries.get(key);
    if (previous) {
      entries.delete(key);
      stats.rows -= previous.rows;
    }
    entries.set(key, entry);
    stats.rows += entry.rows;
    for (const [oldKey, old] of entries) {
      if (entries.size <= limits.maxEntries && stats.rows <= limits.maxRows) break;
      entries.delete(oldKey);
      stats.rows -= old.rows;
    }
    stats.entries = entries.size;
  };

  return {
    stats,
    async load(db, spaceIds, filter) {
      const key = keyOf(spaceIds, await loadChannelSeqs(db, spaceIds), filter);
      const cached = entries.get(key);
      if (cached) {
        stats.hits++;
        entries.delete(key);
        entries.set(key, cached);
        return cached.history;
      }
      stats.misses++;
      const data = await loadChartData(db, spaceIds, filter);
      const history = chartHistory(data);
      // Keyed by the seqs the rows were read at: a change committed in between gets its own entry.
      remember(keyOf(spaceIds, data.seqs, filter), {
        history,
        rows: data.cards.length + data.changes.length + data.blockings.length,
      });
      return history;
    },
  };
};
