/**
 * Card and column order uses fractional-index keys: strings compared byte-wise (COLLATE "C" in the
 * database, plain `<` in JavaScript). A move writes one row: the new key sits strictly between the
 * keys of its neighbours, so nothing else is renumbered.
 */
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import type { RefusalMessage } from "./errors.js";

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
  const aim = aimOf(placement);
  const placed = keyFromNeighbours(
    aim,
    neighboursIn(sortedSiblings, aim, movingId ?? null),
    movingId ?? null,
  );
  if ("position" in placed) return placed;
  return { invalidField: aim.kind === "after" ? "afterId" : "beforeId" };
};

/** A key the library can order from: non-empty, made of its base-62 digits. */
export const isValidKey = (key: string): boolean => {
  if (!/^[A-Za-z0-9]+$/.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
};

/**
 * A key strictly between two neighbours when their order is sound; when it is not (equal or crossed
 * keys, an unreadable key), the order is repaired around the one usable neighbour, so a placement
 * always yields a key instead of failing.
 */
export const repairedKeyBetween = (before: string | null, after: string | null): string => {
  const usableBefore = before !== null && isValidKey(before) ? before : null;
  const usableAfter = after !== null && isValidKey(after) ? after : null;
  if (usableBefore !== null && usableAfter !== null && compareKeys(usableBefore, usableAfter) >= 0) {
    return keyBetween(usableBefore, null);
  }
  return keyBetween(usableBefore, usableAfter);
};

/**
 * Where a placement asks a card to go, read the same way everywhere: the anchor it names (afterId
 * first), or an edge (`afterId: null` is the top, anything else the bottom).
 */
export type CardPlacementAim =
  | { kind: "after"; anchorId: string; field: "body.afterId" }
  | { kind: "before"; anchorId: string; field: "body.beforeId" }
  | { kind: "top" }
  | { kind: "bottom" };

export const aimOf = (placement: Placement): CardPlacementAim => {
  if (placement.afterId) return { kind: "after", anchorId: placement.afterId, field: "body.afterId" };
  if (placement.beforeId) return { kind: "before", anchorId: placement.beforeId, field: "body.beforeId" };
  return placement.afterId === null ? { kind: "top" } : { kind: "bottom" };
};

/**
 * The neighbours a placement needs from a column, and nothing more: the named anchor (null when it
 * is not in the column) and the key on its far side, or, for an edge, the key at that edge. The
 * server reads these with one indexed query; the web app reads them from its store.
 */
export interface PlacementNeighbours {
  anchor: { id: string; position: string } | null;
  beside: string | null;
}

/** The neighbours of `aim` in a column sorted by position, ignoring the moving card. */
export const neighboursIn = (
  sortedColumn: readonly Positioned[],
  aim: CardPlacementAim,
  movingId: string | null,
): PlacementNeighbours => {
  const others = movingId ? sortedColumn.filter((c) => c.id !== movingId) : sortedColumn;
  if (aim.kind === "top") return { anchor: null, beside: others[0]?.position ?? null };
  if (aim.kind === "bottom") return { anchor: null, beside: others.at(-1)?.position ?? null };
  const i = others.findIndex((c) => c.id === aim.anchorId);
  const anchor = others[i];
  if (!anchor) return { anchor: null, beside: null };
  const far = aim.kind === "after" ? others[i + 1] : others[i - 1];
  return { anchor: { id: anchor.id, position: anchor.position }, beside: far?.position ?? null };
};

/** The new key from the neighbours, or which field named a card that is not where it should be. */
export const keyFromNeighbours = (
  aim: CardPlacementAim,
  neighbours: PlacementNeighbours,
  movingId: string | null,
): { position: string } | { field: string; message: string; problem: RefusalMessage } => {
  if (aim.kind === "top") return { position: repairedKeyBetween(null, neighbours.beside) };
  if (aim.kind === "bottom") return { position: repairedKeyBetween(neighbours.beside, null) };
  if (aim.anchorId === movingId)
    return {
      field: aim.field,
      message: "cannot be the moving card itself",
      problem: { key: "refusal.field.movingCardItself" },
    };
  const { anchor } = neighbours;
  if (!anchor)
    return {
      field: aim.field,
      message: "is not a card in the target status",
      problem: { key: "refusal.field.notCardInTarget" },
    };
  return {
    position:
      aim.kind === "after"
        ? repairedKeyBetween(anchor.position, neighbours.beside)
        : repairedKeyBetween(neighbours.beside, anchor.position),
  };
};
