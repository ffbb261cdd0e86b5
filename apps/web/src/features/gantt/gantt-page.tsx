import { addDays, type Card } from "@lattice/domain";
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { type MessageKey, translate, useTranslator } from "../../lib/i18n/i18n";
import { useSession } from "../../store/session";
import { toast } from "../../store/toasts";
import { Button } from "../../ui/button";
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
import { GanttChart, type GanttChartHandle, type GanttViewMode } from "./gantt-chart";
import { buildGantt, datesFromBar, planShift, type ShiftPlan } from "./gantt-data";
import { applyShift, type UndoOffer, undoShift } from "./gantt-shift";
import { ShiftDialog, UndoBar } from "./gantt-shift-dialog";
import { GanttTree, useGanttTreeWindow } from "./gantt-tree";
import { cardMime, GanttUnscheduled } from "./gantt-unscheduled";

const modes: Array<{ mode: GanttViewMode; label: MessageKey }> = [
  { mode: "Day", label: "gantt.mode.day" },
  { mode: "Week", label: "gantt.mode.week" },
  { mode: "Month", label: "gantt.mode.month" },
  { mode: "Quarter", label: "gantt.mode.quarter" },
];

export const GanttPage = () => {
  const { workspaceId = "", spaceId = "", cardId: openCardId } = useParams();
  const navigate = useNavigate();
  const { t, locale, formatLocale } = useTranslator();
  const { view, relations, today, isLoading, isError, error, canWrite } = useSpaceView(workspaceId, spaceId);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [viewMode, setViewMode] = useState<GanttViewMode>("Week");
  const [shift, setShift] = useState<ShiftPlan | null>(null);
  const [isShifting, setIsShifting] = useState(false);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chartRef = useRef<GanttChartHandle>(null);
  const chartBoxRef = useRef<HTMLDivElement>(null);
  const { treeRef, treeFirst, handleScrollTop } = useGanttTreeWindow();

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
              <GanttTree
                rows={data.rows}
                treeRef={treeRef}
                treeFirst={treeFirst}
                cardHref={cardHref}
                onToggle={toggle}
              />
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
          <GanttUnscheduled
            cards={data.unscheduled}
            canWrite={canWrite}
            cardHref={cardHref}
            onSchedule={(card) => schedule(card, today)}
          />
        </div>
      )}
      <PlanningCardPanel view="gantt" />
      {undo ? <UndoBar undo={undo} onUndo={() => void runUndo()} onDismiss={() => setUndo(null)} /> : null}
      <ShiftDialog
        shift={shift}
        isShifting={isShifting}
        onLeave={() => setShift(null)}
        onConfirm={() => void runShift()}
      />
    </main>
  );
};
