import { addDays, type Card } from "@lattice/domain";
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
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
import { aroundElement, elementMark } from "../calendar/message-parts";
import { useSpaceView } from "../space-views/use-space-view";
import { GanttChart, type GanttChartHandle, type GanttViewMode, ganttLayout } from "./gantt-chart";
import { buildGantt, datesFromBar, planShift, type ShiftPlan } from "./gantt-data";
import { applyShift, type UndoOffer, undoShift } from "./gantt-shift";

const modes: Array<{ mode: GanttViewMode; label: MessageKey }> = [
  { mode: "Day", label: "gantt.mode.day" },
  { mode: "Week", label: "gantt.mode.week" },
  { mode: "Month", label: "gantt.mode.month" },
  { mode: "Quarter", label: "gantt.mode.quarter" },
];
const cardMime = "application/x-lattice-card";
/** Tree rows mounted at once (enough for a 2,400 px tall chart), re-chosen every TREE_STEP rows scrolled. */
const TREE_WINDOW = 100;
const TREE_STEP = 20;

export const GanttPage = () => {
  const { workspaceId = "", spaceId = "", cardId: openCardId } = useParams();
  const navigate = useNavigate();
  const { t, format, locale, formatLocale } = useTranslator();
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
    if (await undoShift(offer)) toast.success(translate("gantt.shiftUndone"));
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

  const [clearBefore, clearAfter] = aroundElement(t("gantt.noMatch.body", { clear: elementMark }));
  const [emptyBefore, emptyAfter] = aroundElement(
    t(canWrite ? "gantt.empty.bodyWrite" : "gantt.empty.body", { unscheduled: elementMark }),
  );
  /** A card's new dates as the locale writes them; "—" for a missing end. */
  const datesText = (start: string | null, due: string | null) =>
    start && due
      ? start <= due
        ? format.dayRange(start, due)
        : `${format.dayRange(start, start)} – ${format.dayRange(due, due)}`
      : `${start ? format.dayRange(start, start) : "—"} – ${due ? format.dayRange(due, due) : "—"}`;

  if (isError) {
    return (
      <main className="page page-centered">
        <EmptyState icon="▦" title={t("list.unavailable.title")}>
          <p>{error ?? t("list.unavailable.body")}</p>
          <p>
            <Link to={`/w/${workspaceId}`}>{t("list.unavailable.back")}</Link>
          </p>
        </EmptyState>
      </main>
    );
  }

  return (
    <main className="board-page sv-page gantt-page">
      <SpaceViewHeader workspaceId={workspaceId} spaceId={spaceId} spaceName={view.space?.name ?? ""}>
        <fieldset className="sv-segmented">
          <legend className="visually-hidden">{t("gantt.scale")}</legend>
          {modes.map(({ mode, label }) => (
            <button
              key={mode}
              type="button"
              className={`sv-segment${mode === viewMode ? " is-active" : ""}`}
              aria-pressed={mode === viewMode}
              onClick={() => setViewMode(mode)}
            >
              {t(label)}
            </button>
          ))}
        </fieldset>
        <Button size="sm" onClick={() => chartRef.current?.scrollToToday()} disabled={!hasAnyDated}>
          {t("gantt.scrollToToday")}
        </Button>
      </SpaceViewHeader>
      {isLoading ? (
        <div className="gantt-body" role="status" aria-busy="true" aria-label={t("gantt.loading")}>
          <div className="gantt-skeleton">
            {[60, 45, 70, 30, 55, 40].map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
              <div key={i} className="gantt-skeleton-row">
                <Skeleton width={140} />
                <span
                  style={{ marginInlineStart: `${(i * 13) % 40}%`, width: `${w / 2}%` }}
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
              <EmptyState icon="▤" title={t("gantt.noMatch.title")}>
                <p>
                  {clearBefore}
                  <button type="button" className="link-button" onClick={() => setFilters(noFilters)}>
                    {t("gantt.noMatch.clear")}
                  </button>
                  {clearAfter}
                </p>
              </EmptyState>
            ) : null}
            {!hasAnyDated && !isFiltered ? (
              <EmptyState icon="▤" title={t("gantt.empty.title")}>
                <p>
                  {emptyBefore}
                  <strong>{t("gantt.unscheduled")}</strong>
                  {emptyAfter}
                </p>
              </EmptyState>
            ) : null}
            <div className={`gantt-frame${hasAnyDated ? "" : " is-hidden"}`}>
              <div className="gantt-tree" style={{ paddingTop: ganttLayout.header }}>
                <ol
                  ref={treeRef}
                  aria-label={t("gantt.tree")}
                  style={{ height: data.rows.length * ganttLayout.row }}
                >
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
                          paddingInlineStart: 8 + row.depth * 16,
                          transform: `translateY(${index * ganttLayout.row}px)`,
                        }}
                      >
                        {row.hasChildren ? (
                          <button
                            type="button"
                            className="gantt-toggle"
                            aria-expanded={!row.isCollapsed}
                            aria-label={t(row.isCollapsed ? "gantt.expand" : "gantt.collapse", {
                              card: row.name,
                            })}
                            onClick={() => toggle(row.id)}
                          >
                            {row.isCollapsed ? "▸" : "▾"}
                          </button>
                        ) : (
                          <span className="gantt-toggle-space" />
                        )}
                        <Link to={cardHref(row.id)} className="gantt-tree-name" dir="auto" title={row.name}>
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
                  key={`${locale}|${formatLocale}`}
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
              {t("gantt.unscheduled")} <span className="muted">{format.number(data.unscheduled.length)}</span>
            </h2>
            {data.unscheduled.length === 0 ? (
              <p className="muted sv-side-empty">{t("gantt.allDated")}</p>
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
                    <Link to={cardHref(card.id)} className="sv-side-name" dir="auto">
                      {card.name}
                    </Link>
                    {canWrite ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => schedule(card, today)}
                        aria-label={t("gantt.scheduleCard", { card: card.name })}
                      >
                        {t("gantt.schedule")}
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
            {t("common.undo")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            isIcon
            aria-label={t("gantt.dismiss")}
            onClick={() => setUndo(null)}
          >
            ×
          </Button>
        </div>
      ) : null}
      <Dialog
        isOpen={shift !== null}
        title={t("gantt.shift.title")}
        onClose={() => setShift(null)}
        description={
          shift
            ? t("gantt.shift.description", {
                count: shift.changes.length,
                days: Math.abs(shift.days),
                signedDays: `${shift.days > 0 ? "+" : ""}${format.number(shift.days)}`,
              })
            : undefined
        }
        footer={
          <>
            <Button onClick={() => setShift(null)}>{t("gantt.shift.leave")}</Button>
            <Button variant="primary" isBusy={isShifting} onClick={() => void runShift()}>
              {t("gantt.shift.confirm", { count: shift?.changes.length ?? 0 })}
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
                  <strong>{c.name}</strong>{" "}
                  {t("gantt.shift.toDates", { dates: datesText(c.startDate, c.dueDate) })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Dialog>
    </main>
  );
};
