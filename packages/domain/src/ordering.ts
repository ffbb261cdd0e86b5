/**
 * Card and column order uses fractional-index keys: strings compared byte-wise (COLLATE "C" in the
 * database, plain `<` in JavaScript). A move writes one row: the new key sits strictly between the
 * keys of its neighbours, so nothing else is renumbered.
 */
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

export const keyBetween = (before: string | null, after: string | null): string =>
  generateKeyBetween(before, after);

export const keysBetween = (before: string | null, after: string | null, count: number): string[] =>
  generateNKeysBetween(before, after, count);

/** Byte-wise comparison, the same order PostgreSQL gives with COLLATE "C". */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
