import { addDays, type Card } from "@lattice/domain";
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { EmptyState } from "../../ui/empty-state";
import { Skeleton } from "../../ui/skeleton";
import { FilterBar } from "../filters/filter-bar";
import {
  activeFilterCount,
  type BoardFilters,
  matchesFilters,
  noFilters,
  parseFilters,
  writeFilters,
} from "../filters/filters";
import { useSpaceMeta } from "../filters/use-space-meta";
import { setCardDates } from "../space-views/card-dates";
import { PlanningCardPanel, useCardHref } from "../space-views/card-route";
import { SpaceViewHeader } from "../space-views/space-view-header";
import "../space-views/space-views.css";
import { useAtRisk, useSpaceAging } from "../aging/aging-store";
import { useSpaceView } from "../space-views/use-space-view";
import { GanttChart, type GanttChartHandle, type GanttViewMode, ganttLayout } from "./gantt-chart";
import { buildGantt, datesFromBar, planShift, type ShiftPlan } from "./gantt-data";
import { applyShift, type UndoOffer, undoShift } from "./gantt-shift";

const modes: GanttViewMode[] = ["Day", "Week", "Month", "Quarter"];
const cardMime = "application/x-lattice-card";
/** Tree rows mounted at once (enough for a 2,400 px tall chart), re-chosen every TREE_STEP rows scrolled. */
const TREE_WINDOW = 100;
const TREE_STEP = 20;

export const GanttPage = () => {
  const { workspaceId = "", spaceId = "", cardId: openCardId } = useParams();
  const navigate = useNavigate();
  const { view, relations, today, isLoading, isError, error, canWrite } = useSpaceView(workspaceId, spaceId);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [viewMode, setViewMode] = useState<GanttViewMode>("Week");
  const [shift, setShift] = useState<ShiftPlan | null>(null);
  const [isShifting, setIsShifting] = useState(false);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chartRef = useRef<GanttChartHandle>(null);
  const treeRef = useRef<HTMLOListElement>(null);
  const chartBoxRef = useRef<HTMLDivElement>(null);
  const [treeFirst, setTreeFirst] = useState(0);

  // The board's filters, from the same query parameters.
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(query)), [query]);
  const isFiltered = activeFilterCount(filters) > 0;
  const setFilters = useCallback(
    (next: BoardFilters) => setSearchParams((current) => writeFilters(current, next), { replace: true }),
    [setSearchParams],
  );
  const { members, labels } = useSpaceMeta(workspaceId, spaceId);
  useSpaceAging(spaceId);
  const isAtRisk = useAtRisk(spaceId);
  const myUserId = useSession((s) => s.user?.id ?? null);
  const data = useMemo(
    () =>
      buildGantt(view, relations, {
        today,
        collapsed,
        include: isFiltered
          ? (card) =>
              matchesFilters(
                card,
                view.statuses[card.statusId]?.role,
                filters,
                today,
                view.fieldValues?.[card.id],
                isAtRisk(card.id),
              )
          : undefined,
      }),
    [view, relations, today, collapsed, filters, isFiltered, isAtRisk],
  );
  const totalCards = Object.keys(view.cards).length;
  // A card opened over the chart (from the tree, a bar or a link) has its bar brought into view.
  useEffect(() => {
    if (openCardId && !isLoading) chartRef.current?.scrollToCard(openCardId);
  }, [openCardId, isLoading]);
  const hasAnyDated = data.tasks.length > 0 || collapsed.size > 0;
  // The row tree scrolls with the chart and mounts only a block of rows around its viewport (a
  // virtualizer would scroll the chart itself on mount and cancel frappe's scroll to today).
  const treeRows = data.rows.slice(treeFirst, treeFirst + TREE_WINDOW);

  const cardHref = useCardHref("gantt");
  const openCard = useCallback((id: string) => void navigate(cardHref(id)), [navigate, cardHref]);

  const offerUndo = (offer: UndoOffer) => {
    if (undoTimer.current) clearTimeout(undoTimer.current);
    setUndo(offer);
    undoTimer.current = setTimeout(() => setUndo(null), 12_000);
  };

  const changeDates = useCallback(
    async (cardId: string, next: { startDate: string | null; dueDate: string | null }) => {
      const before = view.cards[cardId];
      if (!before) return;
      if (before.startDate === next.startDate && before.dueDate === next.dueDate) return;
      const plan = planShift(
        view.cards,
        relations,
        cardId,
        { startDate: before.startDate, dueDate: before.dueDate },
        next,
      );
      const ok = await setCardDates([{ cardId, ...next }]);
      if (ok && plan && plan.changes.length > 0) setShift(plan);
    },
    [view.cards, relations],
  );

  const handleBarChange = useCallback(
    (cardId: string, start: Date, end: Date) => {
      const card = view.cards[cardId];
      if (!card) return;
      void changeDates(cardId, datesFromBar(card, start, end));
    },
    [view.cards, changeDates],
  );

  const schedule = (card: Card, start: string) =>
    void changeDates(card.id, { startDate: start, dueDate: addDays(start, 2) });

  const runShift = async () => {
    if (!shift) return;
    setIsShifting(true);
    const offer = await applyShift(shift);
    setIsShifting(false);
    setShift(null);
    if (offer) offerUndo(offer);
  };

  const runUndo = async () => {
    if (!undo) return;
    const offer = undo;
    setUndo(null);
    if (await undoShift(offer)) toast.success("Shift undone.");
  };

  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const handleScrollTop = useCallback((top: number) => {
    if (treeRef.current) treeRef.current.style.transform = `translateY(${-top}px)`;
    const firstVisible = Math.floor(top / ganttLayout.row);
    setTreeFirst(Math.max(0, Math.floor(firstVisible / TREE_STEP) * TREE_STEP - TREE_STEP));
  }, []);

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    const cardId = event.dataTransfer.getData(cardMime);
    const card = cardId ? view.cards[cardId] : undefined;
    if (!card || !canWrite) return;
    event.preventDefault();
    schedule(card, chartRef.current?.dayAt(event.clientX) ?? today);
  };

  if (isError) {
    return (
      <main className="page page-centered">
        <EmptyState icon="▦" title="This space is not available">
          <p>{error ?? "It may have been deleted, or you no longer have access."}</p>
          <p>
            <Link to={`/w/${workspaceId}`}>Back to the workspace</Link>
          </p>
        </EmptyState>
      </main>
    );
  }

  return (
    <main className="board-page sv-page gantt-page">
      <SpaceViewHeader workspaceId={workspaceId} spaceId={spaceId} spaceName={view.space?.name ?? ""}>
        <fieldset className="sv-segmented">
          <legend className="visually-hidden">Time scale</legend>
          {modes.map((mode) => (
            <button
              key={mode}
              type="button"
              className={`sv-segment${mode === viewMode ? " is-active" : ""}`}
              aria-pressed={mode === viewMode}
              onClick={() => setViewMode(mode)}
            >
              {mode}
            </button>
          ))}
        </fieldset>
        <Button size="sm" onClick={() => chartRef.current?.scrollToToday()} disabled={!hasAnyDated}>
          Scroll to today
        </Button>
      </SpaceViewHeader>
      {isLoading ? (
        <div className="gantt-body" role="status" aria-busy="true" aria-label="Loading Gantt chart">
          <div className="gantt-skeleton">
            {[60, 45, 70, 30, 55, 40].map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
              <div key={i} className="gantt-skeleton-row">
                <Skeleton width={140} />
                <span
                  style={{ marginLeft: `${(i * 13) % 40}%`, width: `${w / 2}%` }}
                  className="skeleton gantt-skeleton-bar"
                />
              </div>
            ))}
          </div>
        </div>
      ) : (
        <div className="gantt-body">
          <div className="gantt-main">
            {totalCards > 0 ? (
              <FilterBar
                filters={filters}
                members={members}
                labels={labels}
                myUserId={myUserId}
                shown={data.tasks.length + data.unscheduled.length}
                total={totalCards}
                onChange={setFilters}
              />
            ) : null}
            {!hasAnyDated && isFiltered ? (
              <EmptyState icon="▤" title="No dated cards match the filters">
                <p>
                  <button type="button" className="link-button" onClick={() => setFilters(noFilters)}>
                    Clear the filters
                  </button>{" "}
                  to see every card.
                </p>
              </EmptyState>
            ) : null}
            {!hasAnyDated && !isFiltered ? (
              <EmptyState icon="▤" title="No dated cards yet">
                <p>
                  Give cards a start and due date, or drag one from <strong>Unscheduled</strong>
                  {canWrite ? " (or use its Schedule button)" : ""}.
                </p>
              </EmptyState>
            ) : null}
            <div className={`gantt-frame${hasAnyDated ? "" : " is-hidden"}`}>
              <div className="gantt-tree" style={{ paddingTop: ganttLayout.header }}>
                <ol ref={treeRef} aria-label="Cards" style={{ height: data.rows.length * ganttLayout.row }}>
                  {treeRows.map((row, i) => {
                    const index = treeFirst + i;
                    return (
                      <li
                        key={row.id}
                        className="gantt-tree-row"
                        aria-setsize={data.rows.length}
                        aria-posinset={index + 1}
                        style={{
                          height: ganttLayout.row,
                          paddingLeft: 8 + row.depth * 16,
                          transform: `translateY(${index * ganttLayout.row}px)`,
                        }}
                      >
                        {row.hasChildren ? (
                          <button
                            type="button"
                            className="gantt-toggle"
                            aria-expanded={!row.isCollapsed}
                            aria-label={`${row.isCollapsed ? "Expand" : "Collapse"} ${row.name}`}
                            onClick={() => toggle(row.id)}
                          >
                            {row.isCollapsed ? "▸" : "▾"}
                          </button>
                        ) : (
                          <span className="gantt-toggle-space" />
                        )}
                        <Link to={cardHref(row.id)} className="gantt-tree-name" title={row.name}>
                          {row.name}
                        </Link>
                      </li>
                    );
                  })}
                </ol>
              </div>
              {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for unscheduled cards; the Schedule buttons are the keyboard path */}
              <div
                ref={chartBoxRef}
                className="gantt-chart-box"
                onDragOver={(e) => {
                  if (canWrite && e.dataTransfer.types.includes(cardMime)) e.preventDefault();
                }}
                onDrop={handleDrop}
              >
                <GanttChart
                  ref={chartRef}
                  tasks={data.tasks}
                  viewMode={viewMode}
                  readOnly={!canWrite}
                  onDateChange={handleBarChange}
                  onOpen={openCard}
                  onScrollTop={handleScrollTop}
                />
              </div>
            </div>
          </div>
          <aside className="sv-side" aria-labelledby="gantt-unscheduled">
            <h2 id="gantt-unscheduled" className="sv-side-title">
              Unscheduled <span className="muted">{data.unscheduled.length}</span>
            </h2>
            {data.unscheduled.length === 0 ? (
              <p className="muted sv-side-empty">Every card has dates.</p>
            ) : (
              <ul className="sv-side-list">
                {data.unscheduled.map((card) => (
                  <li
                    key={card.id}
                    className="sv-side-card"
                    draggable={canWrite}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(cardMime, card.id);
                      e.dataTransfer.effectAllowed = "move";
                    }}
                  >
                    <Link to={cardHref(card.id)} className="sv-side-name">
                      {card.name}
                    </Link>
                    {canWrite ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => schedule(card, today)}
                        aria-label={`Schedule ${card.name}`}
                      >
                        Schedule
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </aside>
        </div>
      )}
      <PlanningCardPanel view="gantt" />
      {undo ? (
        <div className="sv-undo" role="status">
          <span>{undo.message}</span>
          <Button size="sm" variant="secondary" onClick={() => void runUndo()}>
            Undo
          </Button>
          <Button size="sm" variant="ghost" isIcon aria-label="Dismiss" onClick={() => setUndo(null)}>
            ×
          </Button>
        </div>
      ) : null}
      <Dialog
        isOpen={shift !== null}
        title="Shift what follows?"
        onClose={() => setShift(null)}
        description={
          shift
            ? `The new dates put ${shift.changes.length === 1 ? "a following card" : "following cards"} in conflict. Shift ${shift.changes.length === 1 ? "it" : "them"} by ${shift.days > 0 ? "+" : ""}${shift.days} day${Math.abs(shift.days) === 1 ? "" : "s"} too?`
            : undefined
        }
        footer={
          <>
            <Button onClick={() => setShift(null)}>Leave them</Button>
            <Button variant="primary" isBusy={isShifting} onClick={() => void runShift()}>
              Shift {shift?.changes.length ?? 0} card{shift?.changes.length === 1 ? "" : "s"}
            </Button>
          </>
        }
      >
        {shift ? (
          <>
            <ul className="sv-shift-reasons">
              {shift.reasons.slice(0, 4).map((reason) => (
                <li key={reason}>⚠ {reason}</li>
              ))}
            </ul>
            <ul className="sv-shift-list">
              {shift.changes.map((c) => (
                <li key={c.cardId}>
                  <strong>{c.name}</strong> → {c.startDate ?? "—"} – {c.dueDate ?? "—"}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Dialog>
    </main>
  );
};
