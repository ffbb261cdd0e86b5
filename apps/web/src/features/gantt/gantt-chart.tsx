/**
 * The one adapter around frappe-gantt: the chart (a `WindowedGantt`, which draws only the rows near
 * the viewport) is created once per mount and then given new data with `replaceTasks`, which
 * redraws only the bars that changed (never recreated per render). Callbacks are read through refs,
 * so new handler identities do not touch the chart.
 */
import type { FrappeViewMode } from "frappe-gantt";
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from "react";
import "./gantt.css";
import { type Translator, useTranslator } from "../../lib/i18n/i18n";
import { barLabeller, escapeHtml, toFrappeTasks } from "./frappe-tasks";
import { type GanttTask, localDay } from "./gantt-data";
import { WindowedGantt } from "./windowed-gantt";

export type GanttViewMode = "Day" | "Week" | "Month" | "Quarter";

export const ganttLayout = {
  barHeight: 24,
  padding: 16,
  upperHeader: 40,
  lowerHeader: 28,
  /** Height of one row, and of the header above the first one (frappe adds 10px to the header). */
  get row() {
    return this.barHeight + this.padding;
  },
  get header() {
    return this.upperHeader + this.lowerHeader + 10;
  },
};

/**
 * The time scales, their header texts in the person's format locale. The formatters are made once per
 * chart: frappe's defaults build two Intl formatters per label, and call them again on every scroll event.
 */
const makeScales = ({ t, formatLocale }: Translator): Record<GanttViewMode, FrappeViewMode> => {
  const monthLong = new Intl.DateTimeFormat(formatLocale, { month: "long" });
  const dayNumber = new Intl.DateTimeFormat(formatLocale, { day: "numeric" });
  const year = new Intl.DateTimeFormat(formatLocale, { year: "numeric" });
  const dayMonth = new Intl.DateTimeFormat(formatLocale, { day: "numeric", month: "short" });
  const newMonth = (d: Date, ld: Date | null) => !ld || d.getMonth() !== ld.getMonth();
  const newYear = (d: Date, ld: Date | null) => !ld || d.getFullYear() !== ld.getFullYear();
  /**
   * "3 – 9 Mar", "28 Feb – 6 Mar"; the days alone ("10 – 16") inside a month already named. The
   * year is in the header above: a week across New Year names no year (formatRange would add both).
   */
  const weekLabel = (d: Date, ld: Date | null) => {
    const end = new Date(d);
    end.setDate(end.getDate() + 6);
    if (end.getFullYear() !== d.getFullYear()) return `${dayMonth.format(d)} – ${dayMonth.format(end)}`;
    return newMonth(d, ld) || end.getMonth() !== d.getMonth()
      ? dayMonth.formatRange(d, end)
      : dayNumber.formatRange(d, end);
  };
  return {
    Day: {
      name: "Day",
      padding: "14d",
      step: "1d",
      date_format: "YYYY-MM-DD",
      lower_text: (d, ld) => (!ld || d.getDate() !== ld.getDate() ? dayNumber.format(d) : ""),
      upper_text: (d, ld) => (newMonth(d, ld) ? monthLong.format(d) : ""),
      thick_line: (d) => d.getDay() === 1,
    },
    Week: {
      name: "Week",
      padding: "1m",
      step: "7d",
      column_width: 140,
      date_format: "YYYY-MM-DD",
      lower_text: weekLabel,
      upper_text: (d, ld) => (newMonth(d, ld) ? monthLong.format(d) : ""),
      upper_text_frequency: 4,
      thick_line: (d) => d.getDate() >= 1 && d.getDate() <= 7,
    },
    Month: {
      name: "Month",
      padding: "2m",
      step: "1m",
      column_width: 120,
      date_format: "YYYY-MM",
      lower_text: (d) => monthLong.format(d),
      upper_text: (d, ld) => (newYear(d, ld) ? year.format(d) : ""),
      thick_line: (d) => d.getMonth() % 3 === 0,
      snap_at: "7d",
    },
    Quarter: {
      name: "Quarter",
      padding: "3m",
      step: "3m",
      column_width: 110,
      date_format: "YYYY-MM",
      lower_text: (d) => t("gantt.quarter", { quarter: Math.floor(d.getMonth() / 3) + 1 }),
      upper_text: (d, ld) => (newYear(d, ld) ? year.format(d) : ""),
      upper_text_frequency: 4,
      thick_line: (d) => d.getMonth() === 0,
      snap_at: "7d",
    },
  };
};

/** frappe-gantt renders the first of `view_modes` first: put the wanted one there (one render, not two). */
const viewModes = (scales: Record<GanttViewMode, FrappeViewMode>, first: GanttViewMode): FrappeViewMode[] => {
  const modes = Object.values(scales).map((mode) => ({ ...mode }));
  return [...modes.filter((m) => m.name === first), ...modes.filter((m) => m.name !== first)];
};

const popupDetails = ({ t, format }: Translator, task: GanttTask): string => {
  const when = task.isMilestone
    ? t("gantt.popup.due", { date: format.dayRange(task.end, task.end) })
    : format.dayRange(task.start, task.end);
  const flags = [
    task.isBlocked ? `<li class="gp-flag gp-blocked">${escapeHtml(t("gantt.popup.blocked"))}</li>` : "",
    task.isLate ? `<li class="gp-flag gp-late">${escapeHtml(t("gantt.popup.late"))}</li>` : "",
    ...task.conflicts.map((reason) => `<li class="gp-flag gp-conflict">⚠ ${escapeHtml(reason)}</li>`),
  ].join("");
  const summary = t("gantt.popup.done", { when, progress: task.progress / 100 });
  return `<div class="gp-when">${escapeHtml(summary)}</div>${flags ? `<ul class="gp-flags">${flags}</ul>` : ""}`;
};

/** Performance marks of the last chart, for the journeys and the performance run. */
export interface GanttTimings {
  createMs: number;
  /** Each data change: how long it took and whether only changed bars ("bars") or the window ("all") were redrawn. */
  updates: Array<{ ms: number; redrawn: "bars" | "all" }>;
  taskCount: number;
  /** Bars that exist in the DOM right now (the rest are outside the drawn window). */
  drawnBars: () => number;
}
declare global {
  interface Window {
    __latticeGanttTimings?: GanttTimings;
  }
}

export interface GanttChartHandle {
  scrollToToday: () => void;
  /** Brings a card's bar into view (horizontally; its row is where the tree shows it). */
  scrollToCard: (cardId: string) => void;
  /** The day under a viewport x coordinate (for dropping an unscheduled card on the chart). */
  dayAt: (clientX: number) => string | null;
}

interface GanttInternals {
  $svg: SVGSVGElement;
  gantt_start: Date;
  config: { column_width: number; step: number; unit: string };
}

interface GanttChartProps {
  tasks: GanttTask[];
  viewMode: GanttViewMode;
  readOnly: boolean;
  onDateChange: (cardId: string, start: Date, end: Date) => void;
  onOpen: (cardId: string) => void;
  /** Vertical scroll of the chart, for the row tree beside it. */
  onScrollTop?: (top: number) => void;
}

export const GanttChart = forwardRef<GanttChartHandle, GanttChartProps>(function GanttChart(
  { tasks, viewMode, readOnly, onDateChange, onOpen, onScrollTop },
  ref,
) {
  // The chart is made once per mount in the language of that moment: the page remounts it on a change of language.
  const translator = useTranslator();
  const language = useRef(translator);
  const hostRef = useRef<HTMLDivElement>(null);
  const ganttRef = useRef<WindowedGantt | null>(null);
  const handlers = useRef({ onDateChange, onOpen, onScrollTop });
  handlers.current = { onDateChange, onOpen, onScrollTop };
  // Rebuilt when the tasks change, not on every render (the page re-renders as its row tree scrolls).
  const tasksById = useMemo(() => new Map(tasks.map((t) => [t.id, t])), [tasks]);
  const byId = useRef(tasksById);
  byId.current = tasksById;
  const initial = useRef({ tasks, viewMode, readOnly });

  useImperativeHandle(
    ref,
    () => ({
      scrollToToday: () => ganttRef.current?.scroll_current(),
      scrollToCard: (cardId) => {
        const task = ganttRef.current?.tasks.find((t) => t.id === cardId);
        if (task?._start) ganttRef.current?.set_scroll_position(task._start);
      },
      dayAt: (clientX) => {
        const gantt = ganttRef.current as unknown as GanttInternals | null;
        if (!gantt) return null;
        const x = clientX - gantt.$svg.getBoundingClientRect().left;
        const units = Math.max(0, (x / gantt.config.column_width) * gantt.config.step);
        const day = new Date(gantt.gantt_start);
        if (gantt.config.unit === "month") {
          const whole = Math.floor(units);
          day.setMonth(day.getMonth() + whole);
          day.setDate(day.getDate() + Math.floor((units - whole) * 30));
        } else if (gantt.config.unit === "hour") day.setHours(day.getHours() + Math.floor(units));
        else day.setDate(day.getDate() + Math.floor(units));
        return localDay(day);
      },
    }),
    [],
  );

  // Created once per mount.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const { tasks: first, viewMode: mode, readOnly: isReadOnly } = initial.current;
    const started = performance.now();
    const draggedDates = new Map<string, { start: Date; end: Date }>();
    const words = language.current;
    const gantt = new WindowedGantt(host, toFrappeTasks(first, barLabeller(words)), {
      view_mode: mode,
      view_modes: viewModes(makeScales(words), mode),
      bar_height: ganttLayout.barHeight,
      padding: ganttLayout.padding,
      upper_header_height: ganttLayout.upperHeader,
      lower_header_height: ganttLayout.lowerHeader,
      // A fixed height makes the container the vertical scroller (frappe's "auto" grows it to every
      // row), so the windowing sees a viewport; the stylesheet then sizes it to the host.
      container_height: Math.max(host.clientHeight, 400),
      bar_corner_radius: 4,
      arrow_curve: 6,
      infinite_padding: false,
      move_dependencies: false,
      readonly_progress: true,
      readonly: isReadOnly,
      today_button: false,
      view_mode_select: false,
      scroll_to: "today",
      popup_on: "click",
      language: words.formatLocale,
      popup: (ctx) => {
        const task = byId.current.get(ctx.task.id);
        if (!task) return false;
        ctx.set_title(escapeHtml(task.name));
        ctx.set_subtitle(escapeHtml(task.statusName));
        ctx.set_details(popupDetails(words, task));
        ctx.add_action(escapeHtml(words.t("gantt.popup.open")), (t) => handlers.current.onOpen(t.id));
        return undefined;
      },
      // frappe reports new dates at every snapped step of a drag: keep the last ones and save them
      // once, when the mouse is released (see `onDragEnd`).
      on_date_change: (task, start, end) => {
        if (ganttRef.current?.isPointerDown) draggedDates.set(task.id, { start, end });
        else handlers.current.onDateChange(task.id, start, end);
      },
      on_double_click: (task) => handlers.current.onOpen(task.id),
    });
    ganttRef.current = gantt;
    window.__latticeGanttTimings = {
      createMs: performance.now() - started,
      updates: [],
      taskCount: first.length,
      drawnBars: () => gantt.drawnBarCount,
    };
    const container = gantt.$container;
    // The chart scrolls both ways: a keyboard must be able to reach it to scroll it with the arrows.
    container.tabIndex = 0;
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", words.t("gantt.chart"));
    const onScroll = () => handlers.current.onScrollTop?.(container.scrollTop);
    container.addEventListener("scroll", onScroll, { passive: true });
    // Runs after frappe's own mouseup handlers (they sit below the document).
    const onDragEnd = () => {
      if (draggedDates.size === 0) return;
      // frappe opened the popup on this mouseup (without a progress handle it cannot tell a drag
      // from a click); a finished drag should not leave one open.
      gantt.hide_popup();
      for (const [id, { start, end }] of draggedDates) handlers.current.onDateChange(id, start, end);
      draggedDates.clear();
    };
    document.addEventListener("mouseup", onDragEnd);
    return () => {
      document.removeEventListener("mouseup", onDragEnd);
      container.removeEventListener("scroll", onScroll);
      gantt.destroy();
      ganttRef.current = null;
      host.innerHTML = "";
    };
  }, []);

  // New data: redraw what changed in place, keeping the scroll position.
  useEffect(() => {
    const gantt = ganttRef.current;
    if (!gantt || tasks === initial.current.tasks) return;
    const container = gantt.$container;
    const { scrollLeft, scrollTop } = container;
    const scrollTo = gantt.options.scroll_to;
    gantt.options.scroll_to = null;
    const started = performance.now();
    const redrawn = gantt.replaceTasks(toFrappeTasks(tasks, barLabeller(language.current)));
    const ms = performance.now() - started;
    gantt.options.scroll_to = scrollTo;
    // Only when the redraw moved it: assigning a scroll position also stops a scroll under way.
    if (container.scrollLeft !== scrollLeft) container.scrollLeft = scrollLeft;
    if (container.scrollTop !== scrollTop) container.scrollTop = scrollTop;
    const timings = window.__latticeGanttTimings;
    if (timings) {
      timings.updates.push({ ms, redrawn });
      timings.taskCount = tasks.length;
    }
  }, [tasks]);

  useEffect(() => {
    const gantt = ganttRef.current;
    if (!gantt || viewMode === initial.current.viewMode) return;
    initial.current.viewMode = viewMode;
    gantt.change_view_mode(viewMode);
  }, [viewMode]);

  useEffect(() => {
    const gantt = ganttRef.current;
    if (!gantt || readOnly === initial.current.readOnly) return;
    initial.current.readOnly = readOnly;
    gantt.update_options({ readonly: readOnly });
    gantt.change_view_mode(initial.current.viewMode, true);
  }, [readOnly]);

  // The time axis runs left to right in every language: frappe's scroll and drag maths assume it.
  return <div ref={hostRef} className="gantt-host" dir="ltr" data-testid="gantt-chart" />;
});
