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

export interface Placement {
  afterId?: string | null | undefined;
  beforeId?: string | null | undefined;
}

interface Positioned {
  id: string;
  position: string;
}

/**
 * The key for an item placed among its siblings (sorted by position): right after `afterId`, right
 * before `beforeId`, or at the end when neither is given. The moving item itself is ignored, so
 * "after my current predecessor" is a no-op move that still yields a valid key. Returns null when
 * the named neighbour is not among the siblings (the caller answers 400 naming the field).
 */
export const positionAmong = (
  sortedSiblings: readonly Positioned[],
  placement: Placement,
  movingId?: string,
): { position: string } | { invalidField: "afterId" | "beforeId" } => {
  const siblings = movingId ? sortedSiblings.filter((s) => s.id !== movingId) : sortedSiblings;
  if (placement.afterId) {
    const i = siblings.findIndex((s) => s.id === placement.afterId);
    if (i < 0) return { invalidField: "afterId" };
    return { position: keyBetween(siblings[i]?.position ?? null, siblings[i + 1]?.position ?? null) };
  }
  if (placement.beforeId) {
    const i = siblings.findIndex((s) => s.id === placement.beforeId);
    if (i < 0) return { invalidField: "beforeId" };
    return { position: keyBetween(siblings[i - 1]?.position ?? null, siblings[i]?.position ?? null) };
  }
  if (placement.afterId === null) {
    // afterId: null means "first".
    return { position: keyBetween(null, siblings[0]?.position ?? null) };
  }
  return { position: keyBetween(siblings[siblings.length - 1]?.position ?? null, null) };
};
