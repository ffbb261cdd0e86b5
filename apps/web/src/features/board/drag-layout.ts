/**
 * The board's drag maths, without a pointer: the cells (a column, or a column's part of a swimlane),
 * where the dragged card is shown while it hovers another column (`projectionOver`,
 * `projectColumns`), and where it lands when dropped (`landing`), which gives the neighbours the
 * move request names.
 */
import { arrayMove } from "@dnd-kit/sortable";
import type { Card, Status } from "@lattice/domain";

export interface Column {
  status: Status;
  cards: Card[];
  /** With swimlanes: the lane this cell of the column belongs to. */
  laneKey?: string;
  /** With filters: how many cards the column holds in all (shown as "3 of 10"). */
  total?: number;
}

/** A column's cell id: the status id, or `<lane>|<status>` when the board has swimlanes. */
export const cellIdOf = (column: Column): string =>
  column.laneKey === undefined ? column.status.id : `${column.laneKey}|${column.status.id}`;

export interface LaneBand {
  key: string;
  title: string;
  color?: string;
}

export type Drag =
  | {
      kind: "card";
      cardId: string;
      fromStatusId: string;
      fromCellId: string;
      projection: { statusId: string; index: number } | null;
    }
  | { kind: "column"; statusId: string };

export const statusOfColumnId = (id: string): string | null => (id.startsWith("col:") ? id.slice(4) : null);

/** The board as it looks with the dragged card placed by the projection. */
export const projectColumns = (columns: Column[], drag: Drag | null): Column[] => {
  if (drag?.kind !== "card" || !drag.projection) return columns;
  const { cardId, projection } = drag;
  const card = columns.flatMap((c) => c.cards).find((c) => c.id === cardId);
  if (!card) return columns;
  return columns.map((column) => {
    const isSource = column.cards.some((c) => c.id === cardId);
    const isTarget = cellIdOf(column) === projection.statusId;
    if (!isSource && !isTarget) return column;
    const cards = isSource ? column.cards.filter((c) => c.id !== cardId) : [...column.cards];
    if (isTarget) cards.splice(Math.min(projection.index, cards.length), 0, card);
    return { ...column, cards };
  });
};

/**
 * Where the projection shows the dragged card while it is over `overId` (a card, or a column's own
 * space): in another column, at the slot of the card it is over (the next slot once its top edge is
 * past that card's middle), or last. Null leaves the projection as it is: within its own column
 * sortable animates the gap itself, and a blocked card cannot change status, so it is never shown
 * in another status's column.
 */
export const projectionOver = (
  layout: Column[],
  cardId: string,
  overId: string,
  isBelow: boolean,
): { statusId: string; index: number } | null => {
  const home = layout.find((c) => c.cards.some((card) => card.id === cardId));
  const overStatusId = statusOfColumnId(overId);
  const target = overStatusId
    ? layout.find((c) => cellIdOf(c) === overStatusId)
    : layout.find((c) => c.cards.some((card) => card.id === overId));
  if (!home || !target || target === home) return null;
  const isBlocked = home.cards.some((card) => card.id === cardId && card.isBlocked);
  if (isBlocked && target.status.id !== home.status.id) return null;
  const index = overStatusId
    ? target.cards.length
    : target.cards.findIndex((c) => c.id === overId) + (isBelow ? 1 : 0);
  return { statusId: cellIdOf(target), index };
};

/**
 * Where the dragged card lands if dropped now over `overId`: its column, its index there and the
 * column's cards in their new order. Within a column it follows sortable's rule (take the slot of
 * the card it is over); over a column's empty space it goes last.
 */
export const landing = (
  columns: Column[],
  cardId: string,
  overId: string | null,
): { column: Column; index: number; cards: Card[] } | null => {
  const home = columns.find((c) => c.cards.some((card) => card.id === cardId));
  if (!home) return null;
  const card = home.cards.find((c) => c.id === cardId) as Card;
  if (!overId || overId === cardId) {
    return { column: home, index: home.cards.indexOf(card), cards: home.cards };
  }
  const overStatusId = statusOfColumnId(overId);
  if (overStatusId) {
    const column = columns.find((c) => cellIdOf(c) === overStatusId);
    if (!column) return null;
    if (column === home) return { column, index: home.cards.indexOf(card), cards: home.cards };
    const cards = [...column.cards, card];
    return { column, index: cards.length - 1, cards };
  }
  const column = columns.find((c) => c.cards.some((x) => x.id === overId));
  if (!column) return null;
  const overIndex = column.cards.findIndex((c) => c.id === overId);
  if (column === home) {
    const cards = arrayMove(home.cards, home.cards.indexOf(card), overIndex);
    return { column, index: overIndex, cards };
  }
  const cards = [...column.cards];
  cards.splice(overIndex, 0, card);
  return { column, index: overIndex, cards };
};

/** A card dropped into another lane: its lane attribute changes (false: the drop is refused). */
export type LaneMove = (
  cardId: string,
  fromLane: string,
  toLane: string,
  phase: "check" | "apply",
) => boolean;
