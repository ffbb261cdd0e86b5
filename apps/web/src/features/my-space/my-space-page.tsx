/**
 * My space: the person's own board. Columns are theirs; each card on it is a mirror of a card that
 * stays in its space, shown as it is there now. Moving a mirror changes only the person's placement
 * (its key from the domain's ordering module, the same one the server uses); the card's status is
 * changed in its panel. Live: `my_space.*` events on the person's channel and every event of the
 * mirrored cards' space channels reload the snapshot, which the server filters by current access.
 */
import {
  closestCorners,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import {
  activityCardId,
  compareKeys,
  type MirrorCard,
  type MySpace,
  type MySpaceColumn,
  type MySpacePlacement,
  mySpaceLimits,
  positionAmong,
  spaceChannel,
} from "@lattice/domain";
import {
  type FormEvent,
  type KeyboardEventHandler,
  type PointerEventHandler,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { Link } from "react-router";
import { describeError } from "../../api/client";
import { mySpaceApi, type Neighbours } from "../../api/coordination";
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { toast } from "../../store/toasts";
import { onMySpaceChange, sync } from "../../sync/live";
import { Avatar } from "../../ui/avatar";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/dialog";
import { EmptyState } from "../../ui/empty-state";
import { Menu } from "../../ui/menu";
import { Skeleton } from "../../ui/skeleton";

const noCards: MirrorCard[] = [];
const columnDropId = (columnId: string) => `col:${columnId}`;
const columnOfDropId = (id: string) => (id.startsWith("col:") ? id.slice(4) : null);

const cardHref = (card: MirrorCard) => `/w/${card.workspaceId}/s/${card.spaceId}/c/${card.id}`;

interface Lookups {
  cards: Map<string, MirrorCard>;
  labels: Map<string, MySpace["labels"][number]>;
  people: Map<string, string>;
}

const MirrorFront = ({ card, lookups }: { card: MirrorCard; lookups: Lookups }) => {
  const { t, format } = useTranslator();
  const labels = card.labelIds.flatMap((id) => {
    const label = lookups.labels.get(id);
    return label ? [label] : [];
  });
  const people = [...(card.responsibleId ? [card.responsibleId] : []), ...card.coworkerIds];
  return (
    <>
      {labels.length > 0 ? (
        <span className="mirror-labels">
          {labels.map((l) => (
            <span key={l.id} className="label-chip label-chip-sm" style={{ ["--label" as string]: l.color }}>
              {l.name}
            </span>
          ))}
        </span>
      ) : null}
      <span className="mirror-name">
        {card.isBlocked ? <span className="mirror-blocked">{t("mySpace.card.blocked")}</span> : null}
        {card.name}
      </span>
      <span className="mirror-meta">
        <span className="mirror-space" title={t("mySpace.card.space")}>
          {card.spaceName}
        </span>
        <span className={`mirror-status status-role-${card.statusRole}`}>
          <span className={`status-dot status-dot-${card.statusRole}`} aria-hidden="true" />
          {card.statusName}
        </span>
      </span>
      {card.startDate || card.dueDate || people.length > 0 ? (
        <span className="mirror-meta">
          {card.startDate || card.dueDate ? (
            <span className="mirror-dates">
              {card.startDate && card.dueDate ? (
                <time dateTime={`${card.startDate}/${card.dueDate}`}>
                  {format.dayRange(card.startDate, card.dueDate)}
                </time>
              ) : card.startDate ? (
                <time dateTime={card.startDate}>{format.calendarDay(card.startDate)}</time>
              ) : card.dueDate ? (
                <time dateTime={card.dueDate}>
                  {t("mySpace.card.due", { day: format.calendarDay(card.dueDate) })}
                </time>
              ) : null}
            </span>
          ) : null}
          <span className="mirror-people">
            {people.slice(0, 4).map((id) => (
              <Avatar
                key={id}
                name={lookups.people.get(id) ?? t("common.unknownPerson")}
                seed={id}
                size={20}
              />
            ))}
            {people.length > 0 ? (
              <span className="visually-hidden">
                {t("mySpace.card.people", {
                  names: people.map((id) => lookups.people.get(id) ?? t("common.unknownPerson")).join(", "),
                })}
              </span>
            ) : null}
          </span>
        </span>
      ) : null}
    </>
  );
};

interface TileProps {
  card: MirrorCard;
  columnId: string;
  lookups: Lookups;
  columns: MySpaceColumn[];
  onMoveTo: (cardId: string, columnId: string) => void;
  onRemove: (cardId: string) => void;
}

const MirrorTile = ({ card, columnId, lookups, columns, onMoveTo, onRemove }: TileProps) => {
  const { t } = useTranslator();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: card.id, data: { columnId } });
  return (
    <li
      ref={setNodeRef}
      className={`mirror-tile${isDragging ? " is-dragging" : ""}${card.isBlocked ? " is-blocked" : ""}`}
      data-card-id={card.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      <Link to={cardHref(card)} className="mirror-link" draggable={false}>
        <MirrorFront card={card} lookups={lookups} />
      </Link>
      <div className="mirror-actions">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="card-drag-handle"
          {...attributes}
          aria-roledescription={t("mySpace.card.draggable")}
          aria-label={t("mySpace.card.drag", { name: card.name })}
          onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <Menu
          label={t("mySpace.card.actions", { name: card.name })}
          items={[
            ...columns
              .filter((c) => c.id !== columnId)
              .map((c) => ({
                label: t("mySpace.card.moveTo", { column: c.name }),
                onSelect: () => onMoveTo(card.id, c.id),
              })),
            "separator" as const,
            { label: t("mySpace.card.remove"), onSelect: () => onRemove(card.id), isDanger: true },
          ]}
        />
      </div>
    </li>
  );
};

interface ColumnProps {
  column: MySpaceColumn;
  index: number;
  columns: MySpaceColumn[];
  cards: MirrorCard[];
  lookups: Lookups;
  onMoveTo: (cardId: string, columnId: string) => void;
  onRemove: (cardId: string) => void;
  onRename: (column: MySpaceColumn, name: string) => void;
  onShift: (column: MySpaceColumn, by: -1 | 1) => void;
  onDelete: (column: MySpaceColumn) => void;
}

const PersonalColumn = ({
  column,
  index,
  columns,
  cards,
  lookups,
  onMoveTo,
  onRemove,
  onRename,
  onShift,
  onDelete,
}: ColumnProps) => {
  const { t, format } = useTranslator();
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(column.id) });
  const [isRenaming, setIsRenaming] = useState(false);
  const [name, setName] = useState(column.name);
  const handleRename = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed && trimmed !== column.name) onRename(column, trimmed);
    setIsRenaming(false);
  };
  return (
    <section
      className={`my-space-column${isOver ? " is-over" : ""}`}
      aria-label={column.name}
      data-column-id={column.id}
    >
      <header className="my-space-column-header">
        {isRenaming ? (
          <form onSubmit={handleRename} className="my-space-rename">
            <label className="visually-hidden" htmlFor={`rename-${column.id}`}>
              {t("mySpace.column.name")}
            </label>
            <input
              id={`rename-${column.id}`}
              className="input input-sm"
              value={name}
              maxLength={mySpaceLimits.columnNameMax}
              onChange={(e) => setName(e.target.value)}
              onBlur={handleRename}
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  setName(column.name);
                  setIsRenaming(false);
                }
              }}
              // biome-ignore lint/a11y/noAutofocus: the person just chose to rename
              autoFocus
            />
          </form>
        ) : (
          <h2 className="my-space-column-title">
            {column.name} <span className="muted">{format.number(cards.length)}</span>
          </h2>
        )}
        <Menu
          label={t("mySpace.column.actions", { name: column.name })}
          items={[
            {
              label: t("common.rename"),
              onSelect: () => {
                setName(column.name);
                setIsRenaming(true);
              },
            },
            {
              label: t("mySpace.column.moveLeft"),
              onSelect: () => onShift(column, -1),
              isDisabled: index === 0,
            },
            {
              label: t("mySpace.column.moveRight"),
              onSelect: () => onShift(column, 1),
              isDisabled: index === columns.length - 1,
            },
            "separator",
            {
              label: t("mySpace.column.delete"),
              onSelect: () => onDelete(column),
              isDanger: true,
              isDisabled: columns.length < 2,
            },
          ]}
        />
      </header>
      <SortableContext id={column.id} items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="my-space-cards">
          {cards.map((card) => (
            <MirrorTile
              key={card.id}
              card={card}
              columnId={column.id}
              lookups={lookups}
              columns={columns}
              onMoveTo={onMoveTo}
              onRemove={onRemove}
            />
          ))}
          {cards.length === 0 ? <li className="my-space-empty faint">{t("mySpace.column.empty")}</li> : null}
        </ul>
      </SortableContext>
    </section>
  );
};

/** Follows the space channels of the mirrored cards (those no other view follows now). */
const useLiveMirrors = (data: MySpace | null, reload: () => void) => {
  const shownIds = useRef(new Set<string>());
  shownIds.current = new Set(data?.cards.map((c) => c.id) ?? []);
  const ours = useRef(new Set<string>());
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const spaces = data?.spaces;
  useEffect(() => {
    const wanted = new Map((spaces ?? []).map((s) => [spaceChannel(s.id), s.seq]));
    for (const [channel, seq] of wanted) {
      if (sync.registry.has(channel)) continue;
      ours.current.add(channel);
      sync.registry.subscribe(channel, seq, {
        apply: (event) => {
          const cardId = activityCardId(event);
          if (!cardId || shownIds.current.has(cardId)) reloadRef.current();
        },
        reload: async (latest) => {
          reloadRef.current();
          return latest;
        },
        onLost: () => {
          ours.current.delete(channel);
          reloadRef.current();
        },
      });
    }
    for (const channel of [...ours.current]) {
      if (wanted.has(channel as ReturnType<typeof spaceChannel>)) continue;
      sync.registry.unsubscribe(channel as ReturnType<typeof spaceChannel>);
      ours.current.delete(channel);
    }
  }, [spaces]);
  useEffect(
    () => () => {
      for (const channel of ours.current)
        sync.registry.unsubscribe(channel as ReturnType<typeof spaceChannel>);
      ours.current.clear();
    },
    [],
  );
};

export const MySpacePage = () => {
  const { t, format } = useTranslator();
  const [data, setData] = useState<MySpace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<MySpaceColumn | null>(null);
  const [newColumn, setNewColumn] = useState("");
  const [isAddingColumn, setIsAddingColumn] = useState(false);
  const isDragging = useRef(false);
  const reloadWaiting = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);

  const load = useCallback(async () => {
    if (isDragging.current) {
      // A reload during a drag would move the tile under the pointer: it waits for the drop.
      reloadWaiting.current = true;
      return;
    }
    if (inFlight.current) {
      reloadWaiting.current = true;
      return;
    }
    const run = (async () => {
      try {
        const next = await mySpaceApi.load();
        setData(next);
        setError(null);
      } catch (err) {
        setError(describeError(err));
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    if (reloadWaiting.current && !isDragging.current) {
      reloadWaiting.current = false;
      await load();
    }
  }, []);

  useEffect(() => {
    void load();
    return onMySpaceChange(() => void load());
  }, [load]);
  useLiveMirrors(data, () => void load());

  const lookups = useMemo<Lookups>(
    () => ({
      cards: new Map((data?.cards ?? noCards).map((c) => [c.id, c])),
      labels: new Map((data?.labels ?? []).map((l) => [l.id, l])),
      people: new Map((data?.people ?? []).map((p) => [p.id, p.name])),
    }),
    [data],
  );
  const columns = useMemo(
    () => [...(data?.columns ?? [])].sort((a, b) => compareKeys(a.position, b.position)),
    [data],
  );
  const placementsByColumn = useMemo(() => {
    const by = new Map<string, MySpacePlacement[]>();
    for (const p of data?.placements ?? []) {
      const list = by.get(p.columnId) ?? [];
      list.push(p);
      by.set(p.columnId, list);
    }
    for (const list of by.values()) list.sort((a, b) => compareKeys(a.position, b.position));
    return by;
  }, [data]);
  const cardsOf = (columnId: string): MirrorCard[] =>
    (placementsByColumn.get(columnId) ?? []).flatMap((p) => {
      const card = lookups.cards.get(p.cardId);
      return card ? [card] : [];
    });

  /** Places a card optimistically (the key from the same ordering module the server uses), then asks. */
  const place = async (cardId: string, columnId: string, neighbours: Neighbours) => {
    const before = data;
    if (!before) return;
    const siblings = (placementsByColumn.get(columnId) ?? []).map((p) => ({
      id: p.cardId,
      position: p.position,
    }));
    const placed = positionAmong(siblings, neighbours, cardId);
    if ("position" in placed) {
      const placement = { cardId, columnId, position: placed.position };
      setData({
        ...before,
        placements: [...before.placements.filter((p) => p.cardId !== cardId), placement],
        suggestions: before.suggestions.filter((id) => id !== cardId),
      });
    }
    try {
      const confirmed = await mySpaceApi.place(cardId, { columnId, ...neighbours });
      setData((current) =>
        current
          ? { ...current, placements: [...current.placements.filter((p) => p.cardId !== cardId), confirmed] }
          : current,
      );
    } catch (err) {
      setData(before);
      toast.error(translate("mySpace.toast.moveCard", { reason: describeError(err) }));
    }
  };

  const handleMoveTo = (cardId: string, columnId: string) => void place(cardId, columnId, {});
  const handleRemove = async (cardId: string) => {
    const before = data;
    if (!before) return;
    setData({ ...before, placements: before.placements.filter((p) => p.cardId !== cardId) });
    try {
      await mySpaceApi.remove(cardId);
      void load();
    } catch (err) {
      setData(before);
      toast.error(translate("mySpace.toast.removeCard", { reason: describeError(err) }));
    }
  };
  const handleAddSuggestion = async (cardId: string) => {
    const first = columns[0];
    if (first) await place(cardId, first.id, {});
  };

  const handleRename = async (column: MySpaceColumn, name: string) => {
    try {
      await mySpaceApi.updateColumn(column.id, { name });
      void load();
    } catch (err) {
      toast.error(translate("mySpace.toast.renameColumn", { reason: describeError(err) }));
    }
  };
  const handleShift = async (column: MySpaceColumn, by: -1 | 1) => {
    const index = columns.findIndex((c) => c.id === column.id);
    const neighbour = columns[index + by];
    if (!neighbour) return;
    try {
      await mySpaceApi.updateColumn(
        column.id,
        by === 1 ? { afterId: neighbour.id } : { beforeId: neighbour.id },
      );
      void load();
    } catch (err) {
      toast.error(translate("mySpace.toast.moveColumn", { reason: describeError(err) }));
    }
  };
  const handleDelete = async () => {
    if (!deleting) return;
    try {
      await mySpaceApi.deleteColumn(deleting.id);
      setDeleting(null);
      void load();
    } catch (err) {
      toast.error(translate("mySpace.toast.deleteColumn", { reason: describeError(err) }));
    }
  };
  const handleAddColumn = async (e: FormEvent) => {
    e.preventDefault();
    const name = newColumn.trim();
    if (!name) return;
    try {
      await mySpaceApi.createColumn({ name });
      setNewColumn("");
      setIsAddingColumn(false);
      void load();
    } catch (err) {
      toast.error(translate("mySpace.toast.addColumn", { reason: describeError(err) }));
    }
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const columnOfCard = (cardId: string): string | null =>
    data?.placements.find((p) => p.cardId === cardId)?.columnId ?? null;

  const handleDragStart = ({ active }: DragStartEvent) => {
    isDragging.current = true;
    setActiveId(String(active.id));
  };
  const finishDrag = () => {
    isDragging.current = false;
    setActiveId(null);
    if (reloadWaiting.current) {
      reloadWaiting.current = false;
      void load();
    }
  };
  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    const cardId = String(active.id);
    const from = columnOfCard(cardId);
    if (over && from) {
      const overId = String(over.id);
      const toColumn = columnOfDropId(overId) ?? columnOfCard(overId);
      if (toColumn && overId !== cardId) {
        if (columnOfDropId(overId)) void place(cardId, toColumn, {});
        else {
          const list = cardsOf(toColumn).map((c) => c.id);
          const isDown = from === toColumn && list.indexOf(cardId) < list.indexOf(overId);
          void place(cardId, toColumn, isDown ? { afterId: overId } : { beforeId: overId });
        }
      }
    }
    finishDrag();
  };

  const active = activeId ? lookups.cards.get(activeId) : undefined;
  const suggestions = (data?.suggestions ?? []).flatMap((id) => {
    const card = lookups.cards.get(id);
    return card ? [card] : [];
  });

  return (
    <main className="page my-space-page">
      <header className="page-header">
        <h1 className="page-title">{t("mySpace.title")}</h1>
        <p className="muted">{t("mySpace.intro")}</p>
      </header>
      {error && !data ? (
        <EmptyState title={t("mySpace.error")}>
          <p>{error}</p>
          <Button onClick={() => void load()}>{t("mySpace.retry")}</Button>
        </EmptyState>
      ) : !data ? (
        <div className="my-space-loading">
          <Skeleton width="30%" height={18} />
          <Skeleton width="90%" height={120} />
        </div>
      ) : (
        <div className="my-space-layout">
          <DndContext
            sensors={sensors}
            collisionDetection={closestCorners}
            onDragStart={handleDragStart}
            onDragEnd={handleDragEnd}
            onDragCancel={finishDrag}
          >
            <div className="my-space-columns">
              {columns.map((column, index) => (
                <PersonalColumn
                  key={column.id}
                  column={column}
                  index={index}
                  columns={columns}
                  cards={cardsOf(column.id)}
                  lookups={lookups}
                  onMoveTo={handleMoveTo}
                  onRemove={(cardId) => void handleRemove(cardId)}
                  onRename={(c, name) => void handleRename(c, name)}
                  onShift={(c, by) => void handleShift(c, by)}
                  onDelete={setDeleting}
                />
              ))}
              <div className="my-space-add-column">
                {isAddingColumn ? (
                  <form onSubmit={(e) => void handleAddColumn(e)}>
                    <label className="visually-hidden" htmlFor="my-space-new-column">
                      {t("mySpace.column.newName")}
                    </label>
                    <input
                      id="my-space-new-column"
                      className="input input-sm"
                      placeholder={t("mySpace.column.name")}
                      value={newColumn}
                      maxLength={mySpaceLimits.columnNameMax}
                      onChange={(e) => setNewColumn(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === "Escape") setIsAddingColumn(false);
                      }}
                      // biome-ignore lint/a11y/noAutofocus: the person just asked for a new column
                      autoFocus
                    />
                    <Button size="sm" variant="primary" type="submit">
                      {t("mySpace.column.add")}
                    </Button>
                  </form>
                ) : (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setIsAddingColumn(true)}
                    disabled={columns.length >= mySpaceLimits.columnsMax}
                  >
                    {t("mySpace.column.addOpen")}
                  </Button>
                )}
              </div>
            </div>
            <DragOverlay>
              {active ? (
                <div className="mirror-tile mirror-drag-preview">
                  <span className="mirror-name">{active.name}</span>
                </div>
              ) : null}
            </DragOverlay>
          </DndContext>
          <aside className="my-space-suggestions" aria-labelledby="my-space-suggested">
            <h2 id="my-space-suggested" className="my-space-column-title">
              {t("mySpace.suggestions.title")}{" "}
              <span className="muted">{format.number(suggestions.length)}</span>
            </h2>
            <p className="faint">{t("mySpace.suggestions.intro")}</p>
            {suggestions.length === 0 ? (
              <p className="faint">{t("mySpace.suggestions.none")}</p>
            ) : (
              <ul className="my-space-suggestion-list">
                {suggestions.map((card) => (
                  <li key={card.id} className="mirror-tile is-suggestion" data-card-id={card.id}>
                    <Link to={cardHref(card)} className="mirror-link">
                      <MirrorFront card={card} lookups={lookups} />
                    </Link>
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t("mySpace.suggestions.addCard", { name: card.name })}
                      onClick={() => void handleAddSuggestion(card.id)}
                    >
                      {t("common.add")}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </aside>
        </div>
      )}
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t("mySpace.delete.title", { name: deleting?.name ?? "" })}
        message={(() => {
          if (!deleting) return "";
          const index = columns.findIndex((c) => c.id === deleting.id);
          const target = columns[index - 1] ?? columns[index + 1];
          const count = cardsOf(deleting.id).length;
          return count === 0
            ? t("mySpace.delete.empty")
            : t("mySpace.delete.moves", { count, column: target?.name ?? t("mySpace.delete.another") });
        })()}
        confirmLabel={t("mySpace.column.delete")}
        onConfirm={() => void handleDelete()}
        onClose={() => setDeleting(null)}
      />
    </main>
  );
};
