import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { addDays, type Card, daysBetween } from "@lattice/domain";
import { useCallback, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { Formatters } from "../../lib/i18n/format";
import { useTranslator } from "../../lib/i18n/i18n";
import { weekStartOf } from "../../lib/locale";
import { useSession } from "../../store/session";
import { Button } from "../../ui/button";
import { EmptyState } from "../../ui/empty-state";
import { Skeleton } from "../../ui/skeleton";
import { FilterBar } from "../filters/filter-bar";
import { type BoardFilters, filterCards, parseFilters, writeFilters } from "../filters/filters";
import { setCardDates } from "../space-views/card-dates";
import { PlanningCardPanel, useCardHref } from "../space-views/card-route";
import { SpaceViewHeader } from "../space-views/space-view-header";
import "../space-views/space-views.css";
import "./calendar.css";
import { useAtRisk, useSpaceAging } from "../aging/aging-store";
import { useSpaceView } from "../space-views/use-space-view";
import { CalendarFeedDialog } from "./calendar-feed";
import {
  addMonths,
  type CalendarWeek,
  monthWeeks,
  placeCards,
  rescheduled,
  type Segment,
  startOfWeek,
  type UpcomingEntry,
  upcomingEntries,
  weekOf,
} from "./calendar-grid";
import { aroundElement, elementMark } from "./message-parts";

type Mode = "month" | "week";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Month, day and weekday names in the person's format locale (calendar days are read at UTC midnight). */
const calendarNames = (locale: string) => {
  const monthTitle = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const dayTitle = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const dayNumber = new Intl.DateTimeFormat(locale, { day: "numeric", timeZone: "UTC" });
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  return {
    month: (day: string) => monthTitle.format(asDate(day)),
    dayTitle: (day: string) => dayTitle.format(asDate(day)),
    dayNumber: (day: string) => dayNumber.format(asDate(day)),
    weekday: (day: string) => weekdayName.format(asDate(day)),
  };
};

/** A day, or a span of days, as the person's locale writes it. */
const daysText = (format: Formatters, start: string, end: string) =>
  start <= end ? format.dayRange(start, end) : format.dayRange(end, start);

interface DragData {
  cardId: string;
  /** First day of the dragged segment and its length, to find the day that was grabbed. */
  day: string | null;
  span: number;
}

const lanePx = 24;

const CardChip = ({
  card,
  segment,
  roleClass,
  href,
  canWrite,
}: {
  card: Card;
  segment: Segment;
  roleClass: string;
  href: string;
  canWrite: boolean;
}) => {
  const { t, format } = useTranslator();
  // Pointer dragging only (dates are set by keyboard in the card panel): no button role or tab stop on
  // the chip, so its link is the one thing a keyboard or screen reader meets.
  const { listeners, setNodeRef, isDragging } = useDraggable({
    id: `seg:${card.id}:${segment.day}`,
    data: { cardId: card.id, day: segment.day, span: segment.span } satisfies DragData,
    disabled: !canWrite,
  });
  return (
    <div
      ref={setNodeRef}
      className={`cal-chip ${roleClass}${segment.continuesBefore ? " cont-before" : ""}${segment.continuesAfter ? " cont-after" : ""}${isDragging ? " is-dragging" : ""}`}
      style={{
        gridColumn: `${segment.column + 1} / span ${segment.span}`,
        gridRow: segment.lane + 1,
      }}
      title={
        card.startDate
          ? t("calendar.chip.dates", {
              card: card.name,
              dates: daysText(format, card.startDate, card.dueDate ?? card.startDate),
            })
          : t("calendar.chip.due", {
              card: card.name,
              date: daysText(format, card.dueDate ?? "", card.dueDate ?? ""),
            })
      }
      data-card-id={card.id}
      {...listeners}
    >
      <Link to={href} className="cal-chip-name" dir="auto" draggable={false}>
        {card.name}
      </Link>
    </div>
  );
};

/** A repeating card's occurrence not made yet: dimmed, not draggable, linking to the card that repeats. */
const UpcomingChip = ({ entry, segment, href }: { entry: UpcomingEntry; segment: Segment; href: string }) => {
  const { t, format } = useTranslator();
  const day = entry.startDate ?? entry.dueDate;
  return (
    <div
      className={`cal-chip cal-chip-upcoming${segment.continuesBefore ? " cont-before" : ""}${segment.continuesAfter ? " cont-after" : ""}`}
      style={{ gridColumn: `${segment.column + 1} / span ${segment.span}`, gridRow: segment.lane + 1 }}
      title={t("calendar.upcoming.title", { card: entry.name, date: day ? daysText(format, day, day) : "" })}
      data-upcoming-of={entry.sourceId}
    >
      <Link to={href} className="cal-chip-name" dir="auto">
        <span aria-hidden="true">↻ </span>
        {entry.name}
        <span className="visually-hidden"> {t("calendar.upcoming.hidden")}</span>
      </Link>
    </div>
  );
};

const DayCell = ({
  day,
  isToday,
  isOutside,
  label,
}: {
  day: string;
  isToday: boolean;
  isOutside: boolean;
  label: string;
}) => {
  const { setNodeRef, isOver } = useDroppable({ id: `day:${day}`, data: { day } });
  return (
    <div
      ref={setNodeRef}
      className={`cal-day${isToday ? " is-today" : ""}${isOutside ? " is-outside" : ""}${isOver ? " is-over" : ""}`}
      data-day={day}
    >
      <span className="cal-day-number">{label}</span>
    </div>
  );
};

const UndatedCard = ({ card, href, canWrite }: { card: Card; href: string; canWrite: boolean }) => {
  const { listeners, setNodeRef, isDragging } = useDraggable({
    id: `undated:${card.id}`,
    data: { cardId: card.id, day: null, span: 1 } satisfies DragData,
    disabled: !canWrite,
  });
  return (
    <li ref={setNodeRef} className={`sv-side-card${isDragging ? " is-dragging" : ""}`} {...listeners}>
      <Link to={href} className="sv-side-name" dir="auto" draggable={false}>
        {card.name}
      </Link>
    </li>
  );
};

export const CalendarPage = () => {
  const { workspaceId = "", spaceId = "" } = useParams();
  const { view, meta, today, isLoading, isError, error, canWrite } = useSpaceView(workspaceId, spaceId);
  const { t, format, formatLocale, dir } = useTranslator();
  const names = useMemo(() => calendarNames(formatLocale), [formatLocale]);
  const myUserId = useSession((s) => s.user?.id ?? null);
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  // The board's filters, from the same query parameters: the calendar shows the same cards.
  const filters = useMemo(() => parseFilters(new URLSearchParams(query)), [query]);
  const setFilters = useCallback(
    (next: BoardFilters) => setParams((current) => writeFilters(current, next), { replace: true }),
    [setParams],
  );
  const mode: Mode = params.get("mode") === "week" ? "week" : "month";
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "")
    ? (params.get("date") as string)
    : today;
  const [isFeedOpen, setIsFeedOpen] = useState(false);
  const [dragging, setDragging] = useState<{ card: Card; grabbed: string | null } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));

  const go = (changes: { mode?: Mode; date?: string }) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (changes.mode) next.set("mode", changes.mode);
        if (changes.date) {
          if (changes.date === today) next.delete("date");
          else next.set("date", changes.date);
        }
        return next;
      },
      { replace: true },
    );

  useSpaceAging(spaceId);
  const isAtRisk = useAtRisk(spaceId);
  const allCards = useMemo(() => Object.values(view.cards), [view.cards]);
  const cards = useMemo(
    () => filterCards(allCards, view.statuses, filters, today, view.fieldValues, isAtRisk),
    [allCards, view.statuses, filters, today, view.fieldValues, isAtRisk],
  );
  // Weeks start on the first day of the person's format locale (Intl week info, else its region; Monday failing both).
  const weekStart = useMemo(() => weekStartOf(formatLocale), [formatLocale]);
  const weeks: CalendarWeek[] = useMemo(() => {
    const days = mode === "month" ? monthWeeks(anchor, weekStart) : weekOf(anchor, weekStart);
    const first = days[0]?.[0] ?? anchor;
    const last = days[days.length - 1]?.[6] ?? anchor;
    return placeCards([...cards, ...upcomingEntries(cards, first, last)], days);
  }, [cards, mode, anchor, weekStart]);
  const upcomingById = useMemo(() => {
    const entries = new Map<string, UpcomingEntry>();
    for (const week of weeks) {
      for (const segment of week.segments) {
        const [sourceId, date] = segment.cardId.split("~");
        const source = sourceId && date ? view.cards[sourceId] : undefined;
        if (source && date)
          entries.set(segment.cardId, {
            id: segment.cardId,
            name: source.name,
            sourceId: source.id,
            startDate: null,
            dueDate: date,
          });
      }
    }
    return entries;
  }, [weeks, view.cards]);
  const undated = useMemo(
    () =>
      cards
        .filter((c) => c.startDate === null && c.dueDate === null)
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    [cards],
  );
  const hasDated = cards.length > undated.length;
  const month = anchor.slice(0, 7);
  const title =
    mode === "month"
      ? names.month(`${month}-01`)
      : format.dayRange(startOfWeek(anchor, weekStart), addDays(startOfWeek(anchor, weekStart), 6));
  const roleOf = (card: Card) => `role-${view.statuses[card.statusId]?.role ?? "not_started"}`;
  const href = useCardHref("calendar");

  const grabbedDay = (event: DragStartEvent): string | null => {
    const data = event.active.data.current as DragData | undefined;
    if (!data?.day) return null;
    const rect = event.active.rect.current.initial;
    const pointer = event.activatorEvent as PointerEvent | null;
    if (!rect || !pointer || data.span <= 1) return data.day;
    // Right to left, the segment's first day is at its right end.
    const fromStart = dir === "rtl" ? rect.left + rect.width - pointer.clientX : pointer.clientX - rect.left;
    const index = Math.floor((fromStart / rect.width) * data.span);
    return addDays(data.day, Math.min(data.span - 1, Math.max(0, index)));
  };

  const handleDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as DragData | undefined;
    const card = data ? view.cards[data.cardId] : undefined;
    if (card) setDragging({ card, grabbed: grabbedDay(event) });
  };

  const handleDragEnd = (event: DragEndEvent) => {
    const drag = dragging;
    setDragging(null);
    const target = (event.over?.data.current as { day?: string } | undefined)?.day;
    if (!drag || !target) return;
    const card = view.cards[drag.card.id];
    if (!card) return;
    const from = drag.grabbed ?? target;
    if (drag.grabbed !== null && daysBetween(from, target) === 0) return;
    void setCardDates([{ cardId: card.id, ...rescheduled(card, from, target) }]);
  };

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

  const [emptyBefore, emptyAfter] = aroundElement(t("calendar.empty.hint", { unscheduled: elementMark }));
  const step = (n: number) => go({ date: mode === "month" ? addMonths(anchor, n) : addDays(anchor, 7 * n) });

  return (
    <main className="board-page sv-page calendar-page">
      <SpaceViewHeader workspaceId={workspaceId} spaceId={spaceId} spaceName={view.space?.name ?? ""}>
        <fieldset className="sv-segmented">
          <legend className="visually-hidden">{t("calendar.view")}</legend>
          {(["month", "week"] as const).map((m) => (
            <button
              key={m}
              type="button"
              className={`sv-segment${m === mode ? " is-active" : ""}`}
              aria-pressed={m === mode}
              onClick={() => go({ mode: m })}
            >
              {t(m === "month" ? "calendar.mode.month" : "calendar.mode.week")}
            </button>
          ))}
        </fieldset>
        <Button size="sm" onClick={() => setIsFeedOpen(true)}>
          <span aria-hidden="true">⇲</span> {t("calendar.subscribe")}
        </Button>
      </SpaceViewHeader>
      <FilterBar
        filters={filters}
        members={meta.members}
        labels={meta.labels}
        myUserId={myUserId}
        shown={cards.length}
        total={allCards.length}
        onChange={setFilters}
      />
      <div className="cal-toolbar">
        <Button
          size="sm"
          isIcon
          aria-label={t(mode === "month" ? "calendar.previousMonth" : "calendar.previousWeek")}
          onClick={() => step(-1)}
        >
          {dir === "rtl" ? "›" : "‹"}
        </Button>
        <Button size="sm" onClick={() => go({ date: today })}>
          {t("calendar.today")}
        </Button>
        <Button
          size="sm"
          isIcon
          aria-label={t(mode === "month" ? "calendar.nextMonth" : "calendar.nextWeek")}
          onClick={() => step(1)}
        >
          {dir === "rtl" ? "‹" : "›"}
        </Button>
        <h2 className="cal-title" aria-live="polite">
          {title}
        </h2>
      </div>
      {isLoading ? (
        <div className="cal-body" role="status" aria-busy="true" aria-label={t("calendar.loading")}>
          <div className="cal-grid cal-skeleton">
            {Array.from({ length: 35 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
              <div key={i} className="cal-skeleton-day">
                <Skeleton width={18} height={10} />
              </div>
            ))}
          </div>
        </div>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={pointerWithin}
          onDragStart={handleDragStart}
          onDragEnd={handleDragEnd}
          onDragCancel={() => setDragging(null)}
        >
          <div className="cal-body">
            <div className="cal-main">
              {!hasDated && cards.length < allCards.length ? (
                <p className="cal-empty" role="note">
                  <strong>{t("calendar.noMatch")}</strong>
                </p>
              ) : !hasDated ? (
                <p className="cal-empty" role="note">
                  <strong>{t("calendar.empty.title")}</strong> {emptyBefore}
                  <em>{t("calendar.unscheduled")}</em>
                  {emptyAfter}
                </p>
              ) : null}
              <div className={`cal-grid cal-${mode}`}>
                <div className="cal-weekdays">
                  {(weeks[0]?.days ?? []).map((day) => (
                    <div key={day} className="cal-weekday">
                      {names.weekday(day)}
                    </div>
                  ))}
                </div>
                {weeks.map((week) => (
                  <div
                    key={week.days[0]}
                    className="cal-week"
                    style={{ minHeight: mode === "week" ? 420 : Math.max(110, 34 + week.lanes * lanePx) }}
                  >
                    <div className="cal-week-days">
                      {week.days.map((day) => (
                        <DayCell
                          key={day}
                          day={day}
                          isToday={day === today}
                          isOutside={mode === "month" && day.slice(0, 7) !== month}
                          label={
                            day.endsWith("-01") || mode === "week"
                              ? names.dayTitle(day)
                              : names.dayNumber(day)
                          }
                        />
                      ))}
                    </div>
                    <div className="cal-week-cards" style={{ gridAutoRows: `${lanePx - 2}px` }}>
                      {week.segments.map((segment) => {
                        const upcoming = upcomingById.get(segment.cardId);
                        if (upcoming)
                          return (
                            <UpcomingChip
                              key={`${segment.cardId}:${segment.day}`}
                              entry={upcoming}
                              segment={segment}
                              href={href(upcoming.sourceId)}
                            />
                          );
                        const card = view.cards[segment.cardId];
                        return card ? (
                          <CardChip
                            key={`${segment.cardId}:${segment.day}`}
                            card={card}
                            segment={segment}
                            roleClass={roleOf(card)}
                            href={href(card.id)}
                            canWrite={canWrite}
                          />
                        ) : null;
                      })}
                    </div>
                  </div>
                ))}
              </div>
            </div>
            <aside className="sv-side" aria-labelledby="cal-unscheduled">
              <h2 id="cal-unscheduled" className="sv-side-title">
                {t("calendar.unscheduled")} <span className="muted">{format.number(undated.length)}</span>
              </h2>
              {undated.length === 0 ? (
                <p className="muted sv-side-empty">{t("calendar.allDated")}</p>
              ) : (
                <>
                  {canWrite ? <p className="muted sv-side-empty">{t("calendar.dragHint")}</p> : null}
                  <ul className="sv-side-list">
                    {undated.map((card) => (
                      <UndatedCard key={card.id} card={card} href={href(card.id)} canWrite={canWrite} />
                    ))}
                  </ul>
                </>
              )}
            </aside>
          </div>
          <DragOverlay dropAnimation={null}>
            {dragging ? (
              <div className={`cal-chip cal-chip-overlay ${roleOf(dragging.card)}`}>{dragging.card.name}</div>
            ) : null}
          </DragOverlay>
        </DndContext>
      )}
      <CalendarFeedDialog
        spaceId={spaceId}
        spaceName={view.space?.name ?? ""}
        isOpen={isFeedOpen}
        onClose={() => setIsFeedOpen(false)}
      />
      <PlanningCardPanel view="calendar" />
    </main>
  );
};
