/**
 * How the board's drag finds its target: keyboard moves between columns and which droppable is
 * under a card or column being dragged.
 */
import {
  type CollisionDetection,
  closestCenter,
  closestCorners,
  type KeyboardCoordinateGetter,
  pointerWithin,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { columnDragId } from "./board-column";
import { type Column, cellIdOf, statusOfColumnId } from "./drag-layout";

/**
 * Up/Down use sortable's getter (the neighbour above or below). Left/Right go to the next column
 * in board order and the card there nearest in height (or the column itself when empty): the
 * generic getter compares raw left edges, which sub-pixel differences inside one column defeat.
 */
export const sidewaysCoordinates =
  (layoutRef: { readonly current: Column[] }): KeyboardCoordinateGetter =>
  (event, args) => {
    const { active, collisionRect, droppableRects } = args.context;
    const isSideways = event.code === "ArrowRight" || event.code === "ArrowLeft";
    if (!isSideways || !active || !collisionRect || statusOfColumnId(String(active.id))) {
      return sortableKeyboardCoordinates(event, args);
    }
    event.preventDefault();
    const layout = layoutRef.current;
    const here = layout.findIndex((c) => c.cards.some((card) => card.id === active.id));
    const target = layout[here + (event.code === "ArrowRight" ? 1 : -1)];
    if (here < 0 || !target) return undefined;
    // Rects as dnd-kit measured them, or from the DOM when a key comes before the first measure.
    const rectOf = (id: string, selector: string) =>
      droppableRects.get(id) ?? document.querySelector(selector)?.getBoundingClientRect() ?? null;
    let best: { left: number; top: number; distance: number } | null = null;
    for (const card of target.cards) {
      const rect = rectOf(card.id, `li[data-card-id="${card.id}"]`);
      if (!rect) continue;
      const distance = Math.abs(rect.top - collisionRect.top);
      if (!best || distance < best.distance) best = { left: rect.left, top: rect.top, distance };
    }
    if (best) return { x: best.left, y: best.top };
    const columnRect = rectOf(columnDragId(cellIdOf(target)), `section[data-cell-id="${cellIdOf(target)}"]`);
    return columnRect ? { x: columnRect.left + 8, y: columnRect.top + 44 } : undefined;
  };

/** Columns among columns; a card over cards, else the column under the pointer, else the nearest card. */
export const boardCollisionDetection: CollisionDetection = (args) => {
  const isColumnDrag = args.active.data.current?.kind === "column";
  const columnsOnly = args.droppableContainers.filter((c) => String(c.id).startsWith("col:"));
  if (isColumnDrag) return closestCenter({ ...args, droppableContainers: columnsOnly });
  const cardsOnly = args.droppableContainers.filter((c) => !String(c.id).startsWith("col:"));
  if (args.pointerCoordinates) {
    const onCard = pointerWithin({ ...args, droppableContainers: cardsOnly });
    if (onCard.length > 0) return onCard;
    const inColumn = pointerWithin({ ...args, droppableContainers: columnsOnly });
    if (inColumn.length > 0) return inColumn;
    return closestCorners({ ...args, droppableContainers: cardsOnly });
  }
  // Keyboard: the nearest card, or an empty column.
  const nearest = closestCorners(args);
  const first = nearest[0];
  if (!first) return nearest;
  const statusId = statusOfColumnId(String(first.id));
  if (!statusId) return nearest;
  const inside = cardsOnly.filter((c) => c.data.current?.sortable?.containerId === statusId);
  if (inside.length === 0) return nearest;
  return closestCenter({ ...args, droppableContainers: inside });
};
