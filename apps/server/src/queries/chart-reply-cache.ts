/**
 * Time chart replies kept as JSON text and compressed bytes, so that asking again for a chart of an
 * unchanged space (the same history from the chart cache, the same period) sends what was already
 * computed, serialized and compressed.
 *
 * Exact: an entry is used only with the very history object it was computed from (the chart cache
 * hands out a new one whenever the spaces changed) and the same period and filter. The Time chart
 * reads "now" only to clip a completed card's stays at its completion when the completion is later
 * than now (a database clock ahead of this process); a reply computed while that was so is not kept.
 *
 * Bounded by bytes (the text and the compressed copies); the least recently used entry goes first.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { ChartHistory } from "@lattice/domain";
import type { ReplyEncoding } from "./board-cache.js";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
/** As @fastify/compress does for the other replies: quality 4 is most of brotli's gain for a fraction of 11's time. */
const brotliOptions = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

interface Entry {
  history: ChartHistory;
  text: string;
  compressed: Map<ReplyEncoding, Buffer>;
  bytes: number;
}

export interface ChartReplyCache {
  /**
   * The reply's text for this history and key: kept, or made by `make` (which says whether the text
   * may be kept) and kept.
   */
  text(key: string, history: ChartHistory, make: () => { text: string; keep: boolean }): string;
  /** The text's compressed bytes, kept with it when the text is the one kept under `key`. */
  compressed(key: string, text: string, encoding: ReplyEncoding): Promise<Buffer>;
  readonly stats: { hits: number; misses: number; compressions: number; entries: number; bytes: number };
}

/** 32 MB: about twenty Time charts of two years over 10,000 cards, with their compressed copies. */
export const createChartReplyCache = (maxBytes = 32 * 1024 * 1024): ChartReplyCache => {
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0, compressions: 0, entries: 0, bytes: 0 };

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    stats.bytes -= entry.bytes;
  };
  const evict = () => {
    for (const key of entries.keys()) {
      if (stats.bytes <= maxBytes) break;
      drop(key);
    }
    stats.entries = entries.size;
  };

  return {
    stats,
    text(key, history, make) {
      const known = entries.get(key);
      if (known && known.history === history) {
        stats.hits++;
        entries.delete(key);
        entries.set(key, known);
        return known.text;
      }
      stats.misses++;
      drop(key);
      const { text, keep } = make();
      if (keep) {
        // Counted as two bytes per character: the text is held as a JavaScript string.
        const entry: Entry = { history, text, compressed: new Map(), bytes: text.length * 2 };
        entries.set(key, entry);
        stats.bytes += entry.bytes;
      }
      evict();
      return text;
    },
    async compressed(key, text, encoding) {
      const entry = entries.get(key);
      const known = entry?.text === text ? entry.compressed.get(encoding) : undefined;
      if (known) return known;
      const bytes = encoding === "br" ? await brotli(text, brotliOptions) : await gzip(text);
      stats.compressions++;
      // Still the entry kept for this text (another request may have replaced it meanwhile).
      const current = entries.get(key);
      if (current && current.text === text && !current.compressed.has(encoding)) {
        current.compressed.set(encoding, bytes);
        current.bytes += bytes.length;
        stats.bytes += bytes.length;
        evict();
      }
      return bytes;
    },
  };
};
