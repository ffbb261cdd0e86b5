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
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { arrayMove, horizontalListSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import type { PresenceEntry } from "@lattice/domain";
import { useMemo, useRef, useState } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { sendCardToSpace, spaceRowAt } from "../card-detail/space-move";
import { BoardColumn, columnDragId } from "./board-column";
import { CardDragPreview } from "./card-tile";
import { dragAnnouncements, dragNames } from "./drag-announcements";
import {
  type Column,
  cellIdOf,
  type Drag,
  type LaneBand,
  type LaneMove,
  landing,
  projectColumns,
  projectionOver,
  statusOfColumnId,
} from "./drag-layout";
import { boardCollisionDetection, sidewaysCoordinates } from "./drag-targets";

export {
  type Column,
  cellIdOf,
  type LaneBand,
  type LaneMove,
  landing,
  projectColumns,
  projectionOver,
} from "./drag-layout";

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
  const coordinateGetter = useMemo(() => sidewaysCoordinates(shownRef), []);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const columnIds = useMemo(() => shown.map((c) => columnDragId(cellIdOf(c))), [shown]);
  const { cardName } = dragNames(shownRef, t);
  const announcements = dragAnnouncements(shownRef, dragRef, columnIds, t);

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
      collisionDetection={boardCollisionDetection}
      // Droppables (every card and column) are measured while a drag lasts, not whenever one mounts:
      // measuring walks each node's scroll ancestors, on every tile a virtualized column mounts.
      measuring={{ droppable: { strategy: MeasuringStrategy.WhileDragging } }}
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
