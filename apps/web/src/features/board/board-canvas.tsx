/**
 * The columns of a board and everything about dragging on them (@dnd-kit).
 *
 * While a card is dragged the board shows a projection: the card taken out of its column and put
 * where it would land, so the target column opens a gap and both pointer and keyboard users see
 * the result before dropping. On drop the projection becomes one `moveCard` with the neighbours it
 * landed between (afterId, or beforeId when it is first, or neither in an empty column); the store
 * shows it at once and the server confirms or refuses. Live events about the dragged card wait in
 * the store until the drop, so a teammate's change never pulls the card from under the pointer.
 */
import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  arrayMove,
  horizontalListSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from "@dnd-kit/sortable";
import type { Card, PresenceEntry, Status } from "@lattice/domain";
import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { sendCardToSpace, spaceRowAt } from "../card-detail/space-move";
import { BoardColumn, columnDragId } from "./board-column";
import { CardDragPreview } from "./card-tile";

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

type Drag =
  | {
      kind: "card";
      cardId: string;
      fromStatusId: string;
      fromCellId: string;
      projection: { statusId: string; index: number } | null;
    }
  | { kind: "column"; statusId: string };

const statusOfColumnId = (id: string): string | null => (id.startsWith("col:") ? id.slice(4) : null);

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

interface BoardCanvasProps {
  columns: Column[];
  /** Swimlanes, in order; the columns then hold one cell per lane and status. */
  lanes?: LaneBand[];
  onLaneMove?: LaneMove;
  cardHref: (cardId: string) => string;
  openCardId: string | undefined;
  pendingCardIds: ReadonlySet<string>;
  viewersByCard: ReadonlyMap<string, PresenceEntry[]>;
  canWrite: boolean;
  canManage: boolean;
  onEditColumns: (statusId: string) => void;
}

export const BoardCanvas = ({
  columns,
  lanes,
  onLaneMove,
  cardHref,
  openCardId,
  pendingCardIds,
  viewersByCard,
  canWrite,
  canManage,
  onEditColumns,
}: BoardCanvasProps) => {
  const { t } = useTranslator();
  const moveCard = useBoard((s) => s.moveCard);
  const moveStatus = useBoard((s) => s.moveStatus);
  const holdCard = useBoard((s) => s.holdCard);
  const releaseCard = useBoard((s) => s.releaseCard);
  const spaceIdOfBoard = useBoard((s) => s.view.space?.id ?? null);
  const arrivals = useBoard((s) => s.arrivals);
  const [drag, setDrag] = useState<Drag | null>(null);
  const shown = useMemo(() => projectColumns(columns, drag), [columns, drag]);
  // Announcements and handlers read the latest layout without re-creating the DndContext props.
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const dragRef = useRef(drag);
  dragRef.current = drag;

  /**
   * Up/Down use sortable's getter (the neighbour above or below). Left/Right go to the next column
   * in board order and the card there nearest in height (or the column itself when empty): the
   * generic getter compares raw left edges, which sub-pixel differences inside one column defeat.
   */
  const coordinateGetter: KeyboardCoordinateGetter = useCallback((event, args) => {
    const { active, collisionRect, droppableRects } = args.context;
    const isSideways = event.code === "ArrowRight" || event.code === "ArrowLeft";
    if (!isSideways || !active || !collisionRect || statusOfColumnId(String(active.id))) {
      return sortableKeyboardCoordinates(event, args);
    }
    event.preventDefault();
    const layout = shownRef.current;
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
  }, []);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const columnIds = useMemo(() => shown.map((c) => columnDragId(cellIdOf(c))), [shown]);

  const collisionDetection: CollisionDetection = useCallback((args) => {
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
  }, []);

  const cardName = (id: string) =>
    shownRef.current.flatMap((c) => c.cards).find((c) => c.id === id)?.name ?? t("board.drag.aCard");
  // A blocked card keeps its status (the domain's rule): it is never shown or announced elsewhere.
  const blockedHome = (id: string) => {
    const home = shownRef.current.find((c) => c.cards.some((card) => card.id === id));
    return home?.cards.find((card) => card.id === id)?.isBlocked ? home : null;
  };
  const columnName = (id: string) =>
    shownRef.current.find((c) => cellIdOf(c) === id || c.status.id === id)?.status.name ??
    t("board.drag.theColumn");

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const statusId = statusOfColumnId(String(active.id));
      return statusId
        ? t("board.drag.pickedColumn", { column: columnName(statusId) })
        : t("board.drag.pickedCard", { card: cardName(String(active.id)) });
    },
    onDragOver: ({ active, over }) => {
      const statusId = statusOfColumnId(String(active.id));
      if (statusId) {
        const target = over ? columnIds.indexOf(String(over.id)) : -1;
        return target >= 0
          ? t("board.drag.columnMoved", { position: target + 1, count: columnIds.length })
          : undefined;
      }
      if (!over) return t("board.drag.notOver");
      // Over its own place: nothing moved (and "Picked up…" must not be talked over).
      if (over.id === active.id) return undefined;
      const place = landing(shownRef.current, String(active.id), String(over.id));
      if (!place) return undefined;
      const blockedIn = blockedHome(String(active.id));
      if (blockedIn && place.column.status.id !== blockedIn.status.id)
        return t("board.drag.blockedOver", { column: blockedIn.status.name });
      return t("board.drag.cardMoved", {
        column: place.column.status.name,
        position: place.index + 1,
        count: place.cards.length,
      });
    },
    onDragEnd: ({ active, over }) => {
      const statusId = statusOfColumnId(String(active.id));
      if (statusId) return t("board.drag.droppedColumn", { column: columnName(statusId) });
      const place = landing(shownRef.current, String(active.id), over ? String(over.id) : null);
      const name = cardName(String(active.id));
      if (!place) return t("board.drag.droppedCard", { card: name });
      const blockedIn = blockedHome(String(active.id));
      if (blockedIn && place.column.status.id !== blockedIn.status.id)
        return t("board.drag.blockedDropped", { card: name, column: blockedIn.status.name });
      return t("board.drag.droppedCardAt", {
        card: name,
        column: place.column.status.name,
        position: place.index + 1,
        count: place.cards.length,
      });
    },
    onDragCancel: ({ active }) => {
      const statusId = statusOfColumnId(String(active.id));
      if (statusId) return t("board.drag.cancelledColumn", { column: columnName(statusId) });
      const current = dragRef.current;
      const from = current?.kind === "card" ? columnName(current.fromStatusId) : t("board.drag.itsColumn");
      return t("board.drag.cancelledCard", { card: cardName(String(active.id)), column: from });
    },
  };

  const handleDragStart = ({ active }: DragStartEvent) => {
    const statusId = statusOfColumnId(String(active.id));
    if (statusId) {
      setDrag({ kind: "column", statusId });
      return;
    }
    const cardId = String(active.id);
    const home = columns.find((c) => c.cards.some((card) => card.id === cardId));
    if (!home) return;
    holdCard(cardId);
    setDrag({
      kind: "card",
      cardId,
      fromStatusId: home.status.id,
      fromCellId: cellIdOf(home),
      projection: null,
    });
  };

  const handleDragOver = ({ active, over }: DragOverEvent) => {
    const current = dragRef.current;
    if (current?.kind !== "card" || !over) return;
    const translated = active.rect.current.translated;
    const isBelow = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
    const projection = projectionOver(shownRef.current, String(active.id), String(over.id), isBelow);
    if (projection) setDrag({ ...current, projection });
  };

  const finishCardDrag = (cardId: string, overId: string | null) => {
    const original = columns.find((c) => c.cards.some((card) => card.id === cardId));
    const place = landing(shownRef.current, cardId, overId);
    setDrag(null);
    if (place && original) {
      // Neighbours are the visible cards around the drop (filters and lanes hide others): any card
      // of the target status is a valid neighbour for the server, the card lands right next to it.
      const previous = place.cards[place.index - 1];
      const next = place.cards[place.index + 1];
      const oldIndex = original.cards.findIndex((c) => c.id === cardId);
      const isSamePlace =
        cellIdOf(place.column) === cellIdOf(original) &&
        original.cards[oldIndex - 1]?.id === previous?.id &&
        original.cards[oldIndex + 1]?.id === next?.id;
      const fromLane = original.laneKey;
      const toLane = place.column.laneKey;
      const isLaneChange = fromLane !== undefined && toLane !== undefined && fromLane !== toLane;
      // A refused lane change (say, into "Overdue") cancels the whole drop.
      const isAllowed = !isLaneChange || !onLaneMove || onLaneMove(cardId, fromLane, toLane, "check");
      if (isAllowed && !isSamePlace) {
        const statusId = place.column.status.id;
        if (previous || next) {
          void moveCard(cardId, {
            kind: "place",
            statusId,
            afterId: previous?.id ?? null,
            beforeId: previous ? null : (next?.id ?? null),
          });
        } else if (statusId !== original.status.id) {
          // An empty cell (or every card filtered out): the end of the status.
          void moveCard(cardId, { kind: "status", statusId });
        }
      }
      if (isAllowed && isLaneChange && onLaneMove) onLaneMove(cardId, fromLane, toLane, "apply");
    }
    releaseCard();
  };

  const handleDragEnd = ({ active, over, activatorEvent, delta }: DragEndEvent) => {
    const current = dragRef.current;
    // A card dropped on a space in the sidebar goes to that space (a pointer drag only: the keyboard
    // moves within the board, and the card panel's "Move to space…" is the keyboard way there).
    const start =
      activatorEvent instanceof MouseEvent
        ? activatorEvent
        : typeof TouchEvent !== "undefined" && activatorEvent instanceof TouchEvent
          ? activatorEvent.touches[0]
          : undefined;
    if (current?.kind === "card" && start) {
      const target = spaceRowAt(start.clientX + delta.x, start.clientY + delta.y);
      if (target) {
        setDrag(null);
        releaseCard();
        if (target.id !== spaceIdOfBoard)
          void sendCardToSpace({ id: current.cardId, name: cardName(current.cardId) }, target);
        return;
      }
    }
    if (current?.kind === "column") {
      setDrag(null);
      if (!over || over.id === active.id) return;
      const from = columnIds.indexOf(String(active.id));
      const to = columnIds.indexOf(String(over.id));
      if (from < 0 || to < 0) return;
      const order = arrayMove(columnIds, from, to);
      const previous = order[to - 1];
      const next = order[to + 1];
      const statusId = current.statusId;
      if (previous) void moveStatus(statusId, { afterId: previous.slice(4) });
      else if (next) void moveStatus(statusId, { beforeId: next.slice(4) });
      return;
    }
    if (current?.kind === "card") finishCardDrag(String(active.id), over ? String(over.id) : null);
  };

  const handleDragCancel = () => {
    setDrag(null);
    releaseCard();
  };

  const activeCard =
    drag?.kind === "card" ? (shown.flatMap((c) => c.cards).find((c) => c.id === drag.cardId) ?? null) : null;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: t("board.drag.instructions"),
        },
      }}
      onDragStart={handleDragStart}
      onDragOver={handleDragOver}
      onDragEnd={handleDragEnd}
      onDragCancel={handleDragCancel}
    >
      {lanes ? (
        <div className="board-lanes">
          {lanes.map((lane) => {
            const cells = shown.filter((c) => c.laneKey === lane.key);
            const count = cells.reduce((sum, c) => sum + c.cards.length, 0);
            return (
              <section
                key={lane.key}
                className="board-lane"
                aria-label={t("board.lane.label", { name: lane.title })}
              >
                <h2 className="board-lane-title">
                  {lane.color ? (
                    <span className="lane-swatch" style={{ background: lane.color }} aria-hidden="true" />
                  ) : null}
                  {lane.title} <span className="muted">{t("board.lane.count", { count })}</span>
                </h2>
                <div className="board-columns board-lane-columns">
                  {cells.map((column) => (
                    <BoardColumn
                      key={cellIdOf(column)}
                      cellId={cellIdOf(column)}
                      total={column.total}
                      status={column.status}
                      cards={column.cards}
                      cardHref={cardHref}
                      openCardId={openCardId}
                      pendingCardIds={pendingCardIds}
                      arrivals={arrivals}
                      viewersByCard={viewersByCard}
                      activeCardId={drag?.kind === "card" ? drag.cardId : null}
                      canWrite={canWrite}
                      canManage={false}
                      canAdd={false}
                      isFirst={false}
                      isLast={false}
                      onEditColumns={onEditColumns}
                    />
                  ))}
                </div>
              </section>
            );
          })}
        </div>
      ) : (
        <SortableContext items={columnIds} strategy={horizontalListSortingStrategy}>
          <div className="board-columns">
            {shown.map((column, index) => (
              <BoardColumn
                key={column.status.id}
                cellId={cellIdOf(column)}
                total={column.total}
                status={column.status}
                cards={column.cards}
                cardHref={cardHref}
                openCardId={openCardId}
                pendingCardIds={pendingCardIds}
                arrivals={arrivals}
                viewersByCard={viewersByCard}
                activeCardId={drag?.kind === "card" ? drag.cardId : null}
                canWrite={canWrite}
                canManage={canManage}
                isFirst={index === 0}
                isLast={index === shown.length - 1}
                onEditColumns={onEditColumns}
              />
            ))}
          </div>
        </SortableContext>
      )}
      <DragOverlay dropAnimation={{ duration: 180, easing: "ease-out" }}>
        {activeCard ? <CardDragPreview card={activeCard} /> : null}
      </DragOverlay>
    </DndContext>
  );
};
