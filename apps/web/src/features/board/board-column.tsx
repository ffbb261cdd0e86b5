import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { Card, PresenceEntry, Status } from "@lattice/domain";
import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useMemo, useRef, useState } from "react";
import { useTranslator } from "../../lib/i18n/i18n";
import { useBoard } from "../../store/board";
import { ConfirmDialog } from "../../ui/dialog";
import { Menu, type MenuItem } from "../../ui/menu";
import { AddCardForm } from "./add-card-form";
import { CardTile } from "./card-tile";
import { statusRoleKeys } from "./columns-dialog";

/** Columns longer than this mount only the cards in view (plus the dragged one). */
const virtualizeFrom = 60;
const estimatedCardHeight = 52;
const arrivalMs = 1500;

export const columnDragId = (statusId: string) => `col:${statusId}`;

interface BoardColumnProps {
  /** The drop target's id: the status id, or `<lane>|<status>` in a swimlane. */
  cellId?: string;
  /** Cards in the column before filtering; shown as "3 of 10" when more than shown. */
  total?: number | undefined;
  /** Whether the add-card forms show (not in swimlanes, where a new card would land in no lane). */
  canAdd?: boolean;
  status: Status;
  cards: Card[];
  cardHref: (cardId: string) => string;
  openCardId: string | undefined;
  pendingCardIds: ReadonlySet<string>;
  arrivals: Record<string, number>;
  viewersByCard: ReadonlyMap<string, PresenceEntry[]>;
  /** The card being dragged, so a virtualized column keeps it mounted. */
  activeCardId: string | null;
  canWrite: boolean;
  canManage: boolean;
  isFirst: boolean;
  isLast: boolean;
  onEditColumns: (statusId: string) => void;
}

interface CardListProps {
  cards: Card[];
  cardHref: (cardId: string) => string;
  openCardId: string | undefined;
  pendingCardIds: ReadonlySet<string>;
  arrivals: Record<string, number>;
  viewersByCard: ReadonlyMap<string, PresenceEntry[]>;
  activeCardId: string | null;
  canWrite: boolean;
}

const isRecent = (at: number | undefined) => at !== undefined && Date.now() - at < arrivalMs;

const PlainList = ({
  cards,
  cardHref,
  openCardId,
  pendingCardIds,
  arrivals,
  viewersByCard,
  canWrite,
}: CardListProps) => (
  <ol className="column-cards">
    {cards.map((card) => (
      <CardTile
        key={card.id}
        card={card}
        href={cardHref(card.id)}
        isOpen={card.id === openCardId}
        isPending={pendingCardIds.has(card.id)}
        isArriving={isRecent(arrivals[card.id])}
        canWrite={canWrite}
        viewers={viewersByCard.get(card.id)}
      />
    ))}
  </ol>
);

const VirtualList = ({
  cards,
  cardHref,
  openCardId,
  pendingCardIds,
  arrivals,
  viewersByCard,
  activeCardId,
  canWrite,
}: CardListProps) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeIndex = activeCardId ? cards.findIndex((c) => c.id === activeCardId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // dnd-kit needs the dragged card's node for as long as the drag lasts.
      if (activeIndex >= 0 && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex],
  );
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedCardHeight,
    overscan: 6,
    gap: 8,
    getItemKey: (index) => cards[index]?.id ?? index,
    rangeExtractor,
  });
  return (
    <div ref={scrollRef} className="column-cards column-cards-virtual">
      <ol className="column-cards-track" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const card = cards[item.index];
          if (!card) return null;
          return (
            <CardTile
              key={card.id}
              card={card}
              href={cardHref(card.id)}
              isOpen={card.id === openCardId}
              isPending={pendingCardIds.has(card.id)}
              isArriving={isRecent(arrivals[card.id])}
              canWrite={canWrite}
              viewers={viewersByCard.get(card.id)}
              index={item.index}
              measureRef={virtualizer.measureElement}
              style={{ position: "absolute", top: item.start, left: 0, right: 0 }}
            />
          );
        })}
      </ol>
    </div>
  );
};

export const BoardColumn = memo(
  ({
    cellId,
    total,
    canAdd = true,
    status,
    cards,
    cardHref,
    openCardId,
    pendingCardIds,
    arrivals,
    viewersByCard,
    activeCardId,
    canWrite,
    canManage,
    isFirst,
    isLast,
    onEditColumns,
  }: BoardColumnProps) => {
    const { t } = useTranslator();
    const moveStatus = useBoard((s) => s.moveStatus);
    const deleteStatus = useBoard((s) => s.deleteStatus);
    const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
    const [isAddingTop, setIsAddingTop] = useState(false);
    const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
      useSortable({
        id: columnDragId(cellId ?? status.id),
        data: { kind: "column", statusId: status.id },
        // Every column takes dropped cards; only owners drag columns.
        disabled: { draggable: !canManage, droppable: false },
      });
    const isOverLimit = status.wipLimit !== null && (total ?? cards.length) > status.wipLimit;
    const isFiltered = total !== undefined && total !== cards.length;
    const countLabel = isFiltered
      ? t("board.column.countFiltered", { shown: cards.length, total })
      : status.wipLimit !== null
        ? t("board.column.countWip", { count: cards.length, limit: status.wipLimit })
        : t("board.column.count", { count: cards.length });
    const cardIds = useMemo(() => cards.map((c) => c.id), [cards]);

    const items: Array<MenuItem | "separator"> = canManage
      ? [
          { label: t("board.column.edit"), onSelect: () => onEditColumns(status.id) },
          {
            label: t("board.column.moveLeft"),
            onSelect: () => void moveStatus(status.id, "up"),
            isDisabled: isFirst,
          },
          {
            label: t("board.column.moveRight"),
            onSelect: () => void moveStatus(status.id, "down"),
            isDisabled: isLast,
          },
          "separator",
          { label: t("board.column.delete"), isDanger: true, onSelect: () => setIsConfirmingDelete(true) },
        ]
      : [];
    const listProps: CardListProps = {
      cards,
      cardHref,
      openCardId,
      pendingCardIds,
      arrivals,
      viewersByCard,
      activeCardId,
      canWrite,
    };

    return (
      <section
        ref={setNodeRef}
        className={`column column-role-${status.role}${isOverLimit ? " is-over-limit" : ""}${isDragging ? " is-dragging" : ""}`}
        aria-labelledby={`column-${status.id}`}
        data-status-id={status.id}
        data-cell-id={cellId ?? status.id}
        style={{ transform: CSS.Translate.toString(transform), transition }}
      >
        <header className="column-header">
          {canManage ? (
            <button
              type="button"
              ref={setActivatorNodeRef}
              className="column-drag-handle"
              {...attributes}
              {...listeners}
              aria-roledescription={t("board.column.dragRole")}
              aria-label={t("board.column.drag", { name: status.name })}
            >
              <span aria-hidden="true">⠿</span>
            </button>
          ) : null}
          <span
            className={`status-dot status-dot-${status.role}`}
            title={t(statusRoleKeys[status.role])}
            aria-hidden="true"
          />
          <h2 id={`column-${status.id}`} className="column-title">
            {status.name}
          </h2>
          <span
            className={`column-count${isOverLimit ? " column-count-over" : ""}`}
            title={
              isFiltered
                ? t("board.column.countFilteredTitle", { shown: cards.length, total })
                : status.wipLimit !== null
                  ? t(isOverLimit ? "board.column.countOverWipTitle" : "board.column.countWipTitle", {
                      count: cards.length,
                      limit: status.wipLimit,
                    })
                  : t("board.column.countTitle", { count: cards.length })
            }
          >
            {countLabel}
            {isOverLimit ? <span className="visually-hidden"> — {t("board.column.overWip")}</span> : null}
          </span>
          {canWrite && canAdd ? (
            <button
              type="button"
              className="column-add-top"
              aria-label={t("board.column.addTopLabel", { name: status.name })}
              title={t("board.column.addTop")}
              aria-expanded={isAddingTop}
              onClick={() => setIsAddingTop((v) => !v)}
            >
              <span aria-hidden="true">+</span>
            </button>
          ) : null}
          {canManage ? <Menu label={t("board.column.actions", { name: status.name })} items={items} /> : null}
        </header>
        {isOverLimit ? (
          <p className="column-warning" role="note">
            {t("board.column.overWipBy", { count: cards.length - (status.wipLimit ?? 0) })}
          </p>
        ) : null}
        {canWrite && isAddingTop ? (
          <AddCardForm
            statusId={status.id}
            statusName={status.name}
            at="top"
            isInitiallyOpen
            onClose={() => setIsAddingTop(false)}
          />
        ) : null}
        <SortableContext id={cellId ?? status.id} items={cardIds} strategy={verticalListSortingStrategy}>
          {cards.length >= virtualizeFrom ? <VirtualList {...listProps} /> : <PlainList {...listProps} />}
        </SortableContext>
        {cards.length === 0 && !canWrite ? <p className="column-empty">{t("board.column.empty")}</p> : null}
        {canWrite && canAdd ? (
          <AddCardForm statusId={status.id} statusName={status.name} at="bottom" />
        ) : null}
        <ConfirmDialog
          isOpen={isConfirmingDelete}
          title={t("board.column.deleteTitle", { name: status.name })}
          message={
            cards.length > 0
              ? t("board.column.deleteNotEmpty", { count: cards.length })
              : t("board.column.deleteEmpty")
          }
          confirmLabel={t("board.column.deleteConfirm")}
          onConfirm={() => {
            setIsConfirmingDelete(false);
            void deleteStatus(status.id);
          }}
          onClose={() => setIsConfirmingDelete(false)}
        />
      </section>
    );
  },
);
BoardColumn.displayName = "BoardColumn";
