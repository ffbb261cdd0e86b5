/**
 * frappe-gantt with row windowing. Stock frappe-gantt creates a bar (eight SVG nodes, five
 * listeners, one measured label), its arrows and a grid row and a row line for every task, so a
 * space with 3,000 dated cards took seconds to draw and seconds again after any change. This
 * subclass keeps frappe's time axis, header, drag, resize and popup, and changes only what is
 * drawn: bars (and the arrows touching them) exist for the rows in and near the viewport, plus the
 * far ends of those arrows; the rows' background is one patterned rect. Scrolling re-windows, and
 * `replaceTasks` swaps only the bars whose card changed.
 *
 * It overrides internals of frappe-gantt 1.2.2, which is pinned exactly in package.json for that
 * reason: `windowed-gantt.test.ts` checks the windowing in jsdom, and the planning journey and
 * `pnpm bench:gantt` draw it in Chromium.
 */
import Gantt, { type FrappeOptions, type FrappeTask, type FrappeViewMode } from "frappe-gantt";
import { localDay } from "./gantt-data";

/** Rows drawn above and below the viewport, so ordinary scrolling never shows an empty row. */
const OVERSCAN_ROWS = 30;
const SVG_NS = "http://www.w3.org/2000/svg";

/** A task after frappe's `setup_tasks`: dates parsed, row index cached, dependencies split. */
interface SetupTask {
  id: string;
  name: string;
  start: string;
  end: string;
  progress?: number;
  custom_class?: string;
  /** Set by `toFrappeTasks`: the bar's accessible name. */
  ariaLabel?: string;
  _index: number;
  _start: Date;
  _end: Date;
  dependencies: string[];
}

interface FrappeBar {
  task: SetupTask;
  group: SVGGElement;
  $bar: SVGRectElement;
  $date_highlight?: HTMLElement;
  arrows: FrappeArrow[];
}

interface FrappeArrow {
  from_task: FrappeBar;
  to_task: FrappeBar;
  element: SVGPathElement;
  update: () => void;
}

/** The frappe-gantt 1.2.2 internals this subclass reads and writes. */
interface Internals {
  tasks: SetupTask[];
  bars: Array<FrappeBar | undefined>;
  arrows: FrappeArrow[];
  layers: { grid: SVGGElement; arrow: SVGGElement; bar: SVGGElement };
  $container: HTMLElement;
  $svg: SVGSVGElement;
  options: FrappeOptions & { bar_height: number; padding: number };
  config: {
    header_height: number;
    column_width: number;
    step: number;
    unit: string;
    date_format: string;
    view_mode: FrappeViewMode;
  };
  dependency_map: Record<string, string[] | undefined>;
  grid_height: number;
  dates: Date[];
  gantt_start: Date;
  gantt_end: Date;
  bar_being_dragged: boolean | null;
  setup_tasks: (tasks: FrappeTask[]) => void;
  setup_dependencies: () => void;
}

/** One header column as frappe's `make_dates` reads it. */
interface DateInfo {
  date: Date;
  formatted_date: string;
  column_width: number;
  x: number;
  upper_text: string;
  lower_text: string;
  upper_y: number;
  lower_y: number;
}

const textOf = (text: FrappeViewMode["lower_text"], date: Date, last: Date | null): string =>
  typeof text === "function" ? text(date, last, "en") : "";

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

/** Local midnight of a YYYY-MM-DD day, plus `addDays` days (as frappe's own parser gives). */
const localDate = (day: string, addDays = 0): Date =>
  new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + addDays);

/** A task whose drawn fields all match keeps its bar. */
const sameTask = (a: FrappeTask, b: FrappeTask): boolean =>
  a.name === b.name &&
  a.start === b.start &&
  a.end === b.end &&
  a.progress === b.progress &&
  a.custom_class === b.custom_class;

const dependencyList = (task: FrappeTask): string[] =>
  Array.isArray(task.dependencies)
    ? (task.dependencies as string[])
    : String(task.dependencies ?? "")
        .split(",")
        .map((d) => d.trim())
        .filter(Boolean);

export class WindowedGantt extends Gantt {
  // `declare`: frappe's constructor renders (and so calls the overrides below) before a subclass's
  // initialised fields would be set, and would then overwrite them with their initial values.
  /** Rows [first, last) whose bars exist. */
  declare private drawnRows: { first: number; last: number } | undefined;
  declare private barById: Map<string, FrappeBar> | undefined;
  declare private pointerIsDown: boolean | undefined;
  declare private windowFrame: number | undefined;
  declare private detach: (() => void) | undefined;

  constructor(wrapper: HTMLElement, tasks: FrappeTask[], options: FrappeOptions) {
    // Row lines come from the rows' pattern (one node), not one <line> per task.
    super(wrapper, tasks, { ...options, lines: "vertical" });
    const self = this.internals;
    const onScroll = () => this.scheduleWindowCheck();
    const onPointerDown = () => {
      this.pointerIsDown = true;
    };
    const onPointerUp = () => {
      if (!this.pointerIsDown) return;
      this.pointerIsDown = false;
      // A drag may have carried the pointer outside the drawn rows while re-windowing waited.
      this.scheduleWindowCheck();
    };
    self.$container.addEventListener("scroll", onScroll, { passive: true });
    self.$svg.addEventListener("mousedown", onPointerDown, true);
    document.addEventListener("mouseup", onPointerUp);
    this.detach = () => {
      self.$container.removeEventListener("scroll", onScroll);
      self.$svg.removeEventListener("mousedown", onPointerDown, true);
      document.removeEventListener("mouseup", onPointerUp);
      if (this.windowFrame !== undefined) cancelAnimationFrame(this.windowFrame);
    };
  }

  private get internals(): Internals {
    return this as unknown as Internals;
  }

  /** Stops listening to the document and the container; the host element is emptied by its owner. */
  destroy(): void {
    this.detach?.();
  }

  /** Whether a mouse button went down on the chart and has not been released (a drag may be on). */
  get isPointerDown(): boolean {
    return this.pointerIsDown ?? false;
  }

  /** How many bars exist right now (for the benchmark and the journeys). */
  get drawnBarCount(): number {
    return this.barById?.size ?? 0;
  }

  /**
   * New data. When the rows, their order and the arrows are unchanged and every date still falls
   * inside the drawn time axis, only the bars whose task changed are redrawn (returns "bars");
   * otherwise frappe recomputes the axis and the window is drawn afresh (returns "all").
   */
  replaceTasks(next: FrappeTask[]): "bars" | "all" {
    const self = this.internals;
    const current = self.tasks;
    const sameRows =
      current.length === next.length &&
      next.every((task, i) => {
        const old = current[i];
        return (
          old !== undefined && old.id === task.id && dependencyList(task).join() === old.dependencies.join()
        );
      });
    const changed = sameRows
      ? next.flatMap((task, i) => (sameTask(current[i] as unknown as FrappeTask, task) ? [] : [i]))
      : [];
    if (sameRows && changed.length === 0) return "bars";
    if (sameRows) {
      // frappe's own parsing (dates, end of day, dependencies) for just the changed tasks.
      self.setup_tasks(changed.map((i) => next[i] as FrappeTask));
      const parsed = self.tasks;
      self.tasks = current;
      self.setup_dependencies();
      const fitsAxis = parsed.every((t) => t._start >= self.gantt_start && t._end <= self.gantt_end);
      if (fitsAxis && parsed.length === changed.length) {
        changed.forEach((rowIndex, j) => {
          const task = parsed[j] as SetupTask;
          task._index = rowIndex;
          current[rowIndex] = task;
          const bar = this.barById?.get(task.id);
          if (bar) this.redrawBar(bar, task);
        });
        return "bars";
      }
    }
    this.refresh(next);
    return "all";
  }

  // ---- frappe-gantt overrides ----

  /**
   * Scrolls to a date at once. frappe scrolls smoothly, and any later instant scroll cancels a smooth
   * one midway: the chart's own "keep the position across new data" did, right after opening, so
   * the chart stopped a few pixels into its way to today, weeks before it.
   */
  override set_scroll_position(date: string | Date | null | undefined): void {
    const container = this.internals.$container;
    // frappe calls it with an options object only.
    const scroll = container.scrollTo.bind(container) as (options: ScrollToOptions) => void;
    container.scrollTo = ((options: ScrollToOptions) =>
      scroll({ ...options, behavior: "instant" })) as typeof container.scrollTo;
    try {
      super.set_scroll_position(date as string | Date);
    } finally {
      Reflect.deleteProperty(container, "scrollTo");
    }
  }

  /**
   * Tasks as frappe prepares them (dates parsed, a whole last day, dependencies split, rows
   * numbered). The Gantt only ever passes calendar days, which are parsed here directly: frappe's
   * general parser (regexes, then two date differences per task) was most of the time to open
   * 3,000 cards. Anything else goes through frappe's own.
   */
  override setup_tasks(tasks: FrappeTask[]): void {
    const self = this.internals;
    if (!tasks.every((t) => calendarDay.test(t.start) && calendarDay.test(t.end) && t.start <= t.end)) {
      super.setup_tasks(tasks);
      self.tasks.forEach((task, i) => {
        task._index = i;
      });
      return;
    }
    self.tasks = tasks.map((task, i) => {
      const prepared = task as unknown as SetupTask;
      prepared._start = localDate(task.start);
      // frappe treats an end without a time as the whole of that day.
      prepared._end = localDate(task.end, 1);
      prepared._index = i;
      prepared.dependencies = dependencyList(task);
      return prepared;
    });
    self.setup_dependencies();
  }

  /** One patterned rect instead of a rect and a line per row. */
  override make_grid_rows(): void {
    const self = this.internals;
    const rowHeight = self.options.bar_height + self.options.padding;
    const width = self.dates.length * self.config.column_width;
    const pattern = document.createElementNS(SVG_NS, "pattern");
    pattern.setAttribute("id", "lt-gantt-rows");
    pattern.setAttribute("patternUnits", "userSpaceOnUse");
    pattern.setAttribute("width", String(width));
    pattern.setAttribute("height", String(rowHeight));
    pattern.setAttribute("y", String(self.config.header_height));
    const line = document.createElementNS(SVG_NS, "line");
    line.setAttribute("class", "row-line");
    line.setAttribute("x1", "0");
    line.setAttribute("x2", String(width));
    line.setAttribute("y1", String(rowHeight - 0.5));
    line.setAttribute("y2", String(rowHeight - 0.5));
    pattern.append(line);
    const background = document.createElementNS(SVG_NS, "rect");
    background.setAttribute("class", "grid-row");
    background.setAttribute("x", "0");
    background.setAttribute("y", String(self.config.header_height));
    background.setAttribute("width", String(width));
    background.setAttribute("height", String(Math.max(0, self.grid_height - self.config.header_height)));
    const lines = document.createElementNS(SVG_NS, "rect");
    lines.setAttribute("x", "0");
    lines.setAttribute("y", String(self.config.header_height));
    lines.setAttribute("width", String(width));
    lines.setAttribute("height", String(Math.max(0, self.grid_height - self.config.header_height)));
    lines.setAttribute("fill", "url(#lt-gantt-rows)");
    lines.setAttribute("pointer-events", "none");
    self.layers.grid.append(pattern, background, lines);
  }

  /** Weeks start on Monday and quarters on their first month (frappe starts both at the first task). */
  override setup_gantt_dates(refresh: boolean): void {
    super.setup_gantt_dates(refresh);
    const self = this.internals;
    const start = new Date(self.gantt_start);
    if (self.config.view_mode.name === "Week") start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
    if (self.config.view_mode.name === "Quarter")
      start.setMonth(start.getMonth() - (start.getMonth() % 3), 1);
    self.gantt_start = start;
  }

  /**
   * Weekend shading at the day and week scales (at month scales a day is a sliver). frappe's own
   * formats every day of the axis with two new Intl formatters, which took most of a render.
   */
  override highlight_holidays(): void {
    const self = this.internals;
    if (self.config.unit !== "day") return;
    const dayWidth = self.config.column_width / self.config.step;
    const height = Math.max(0, self.grid_height - self.config.header_height);
    const start = self.gantt_start;
    for (const day = new Date(start); day <= self.gantt_end; day.setDate(day.getDate() + 1)) {
      if (day.getDay() !== 0 && day.getDay() !== 6) continue;
      // Whole local days since the axis start (the offsets differ across a daylight-saving change).
      const days = Math.round(
        (day.getTime() - start.getTime() + (start.getTimezoneOffset() - day.getTimezoneOffset()) * 60_000) /
          86_400_000,
      );
      const rect = document.createElementNS(SVG_NS, "rect");
      rect.setAttribute("class", `holiday-highlight ${localDay(day)}`);
      rect.setAttribute("x", String(Math.round(days * dayWidth)));
      rect.setAttribute("y", String(self.config.header_height));
      rect.setAttribute("width", String(dayWidth));
      rect.setAttribute("height", String(height));
      rect.setAttribute("style", "fill: var(--g-weekend-highlight-color);");
      self.layers.grid.append(rect);
    }
  }

  /** A header column, with its date key made without frappe's formatter (see `highlight_holidays`). */
  override get_date_info(date: Date, last: DateInfo | null): DateInfo {
    const self = this.internals;
    const format = self.config.date_format;
    if (format !== "YYYY-MM-DD" && format !== "YYYY-MM") return super.get_date_info(date, last) as DateInfo;
    const mode = self.config.view_mode;
    const lastDate = last ? last.date : null;
    return {
      date,
      formatted_date: format === "YYYY-MM" ? localDay(date).slice(0, 7) : localDay(date),
      column_width: self.config.column_width,
      x: last ? last.x + last.column_width : 0,
      upper_text: textOf(mode.upper_text, date, lastDate),
      lower_text: textOf(mode.lower_text, date, lastDate),
      upper_y: 17,
      lower_y: Number(self.options.upper_header_height) + 5,
    };
  }

  /** A fresh render empties the SVG: forget the bars that were in it. */
  override clear(): void {
    super.clear();
    this.barById = new Map();
  }

  /**
   * Bars for the rows near the viewport and for the far ends of their arrows. Bars already drawn
   * for a wanted row stay; bars for rows no longer wanted are removed.
   */
  override make_bars(): void {
    const self = this.internals;
    const rows = this.rowsToDraw();
    this.drawnRows = rows;
    const rowOf = new Map(self.tasks.map((task) => [task.id, task._index]));
    const wanted = new Set<string>();
    const want = (id: string) => {
      if (rowOf.has(id)) wanted.add(id);
    };
    for (let i = rows.first; i < rows.last; i++) {
      const task = self.tasks[i];
      if (!task) continue;
      wanted.add(task.id);
      for (const id of task.dependencies) want(id);
      for (const id of self.dependency_map[task.id] ?? []) want(id);
    }
    const byId = this.barById ?? new Map<string, FrappeBar>();
    for (const [id, bar] of byId) {
      if (wanted.has(id)) continue;
      bar.group.remove();
      bar.$date_highlight?.remove();
      byId.delete(id);
    }
    const all = self.tasks;
    self.tasks = [...wanted].filter((id) => !byId.has(id)).map((id) => all[rowOf.get(id) ?? 0] as SetupTask);
    super.make_bars();
    const created = self.bars as FrappeBar[];
    self.tasks = all;
    for (const bar of created) {
      prepareBar(bar);
      byId.set(bar.task.id, bar);
    }
    this.barById = byId;
    self.bars = [...byId.values()];
  }

  /** Arrows touching the drawn rows (frappe looks bars up by row index, so index them so). */
  override make_arrows(): void {
    const self = this.internals;
    const drawn = [...(this.barById?.values() ?? [])];
    const byRow: FrappeBar[] = [];
    for (const bar of drawn) byRow[bar.task._index] = bar;
    const all = self.tasks;
    self.bars = byRow;
    self.tasks = drawn.map((bar) => bar.task);
    super.make_arrows();
    self.tasks = all;
    self.bars = drawn;
  }

  /** Each bar's arrows in one pass over the arrows (frappe filters all arrows per bar). */
  override map_arrows_on_bars(): void {
    const self = this.internals;
    for (const bar of this.barById?.values() ?? []) bar.arrows = [];
    for (const arrow of self.arrows) {
      arrow.from_task.arrows.push(arrow);
      if (arrow.to_task !== arrow.from_task) arrow.to_task.arrows.push(arrow);
    }
  }

  override get_bar(id: string): FrappeBar | undefined {
    return this.barById?.get(id);
  }

  /** Extent of all bars from their dates, not by measuring the drawn ones (used on every scroll). */
  override get_start_end_positions(): [number, number, number] {
    const self = this.internals;
    if (self.tasks.length === 0) return [0, 0, 0];
    const xOf = (date: Date) => this.xOf(date);
    let minStart = Number.POSITIVE_INFINITY;
    let maxStart = Number.NEGATIVE_INFINITY;
    let maxEnd = Number.NEGATIVE_INFINITY;
    for (const task of self.tasks) {
      const start = xOf(task._start);
      minStart = Math.min(minStart, start);
      maxStart = Math.max(maxStart, start);
      maxEnd = Math.max(maxEnd, xOf(task._end));
    }
    return [minStart, maxStart, maxEnd];
  }

  // ---- windowing ----

  private xOf(date: Date): number {
    const { config, gantt_start: start } = this.internals;
    const days = (date.getTime() - start.getTime()) / 86_400_000;
    const units = config.unit === "month" ? days / 30 : config.unit === "year" ? days / 365 : days;
    return (units / config.step) * config.column_width;
  }

  /** The rows in the viewport, widened by the overscan on both sides. */
  private rowsToDraw(overscan = OVERSCAN_ROWS): { first: number; last: number } {
    const self = this.internals;
    const rowHeight = self.options.bar_height + self.options.padding;
    const top = self.$container.scrollTop;
    // Before layout (or in a hidden tab) the viewport is unknown: assume a tall screen.
    const height = self.$container.clientHeight || 1600;
    const first = Math.floor((top - self.config.header_height) / rowHeight) - overscan;
    const last = Math.ceil((top + height - self.config.header_height) / rowHeight) + overscan;
    return { first: Math.max(0, first), last: Math.min(self.tasks.length, Math.max(0, last)) };
  }

  private scheduleWindowCheck(): void {
    if (this.windowFrame !== undefined) return;
    this.windowFrame = requestAnimationFrame(() => {
      this.windowFrame = undefined;
      this.checkWindow();
    });
  }

  /** Re-windows when the visible rows reach beyond the drawn ones (never during a drag). */
  private checkWindow(): void {
    const drawn = this.drawnRows;
    if (!drawn || this.pointerIsDown) return;
    const visible = this.rowsToDraw(0);
    if (visible.first >= drawn.first && visible.last <= drawn.last) return;
    this.redrawWindow();
  }

  private redrawWindow(): void {
    const self = this.internals;
    self.layers.arrow.replaceChildren();
    self.arrows = [];
    this.make_bars();
    this.make_arrows();
    this.map_arrows_on_bars();
  }

  /** Swaps one bar for a freshly drawn one (frappe's own `Bar.refresh` would stack listeners). */
  private redrawBar(old: FrappeBar, task: SetupTask): void {
    const self = this.internals;
    const all = self.tasks;
    const drawn = self.bars;
    self.tasks = [task];
    super.make_bars();
    const [bar] = self.bars as FrappeBar[];
    self.tasks = all;
    self.bars = drawn;
    if (!bar) return;
    prepareBar(bar);
    old.group.replaceWith(bar.group);
    old.$date_highlight?.remove();
    const index = drawn.indexOf(old);
    if (index >= 0) drawn[index] = bar;
    this.barById?.set(task.id, bar);
    bar.arrows = old.arrows;
    for (const arrow of old.arrows) {
      if (arrow.from_task === old) arrow.from_task = bar;
      if (arrow.to_task === old) arrow.to_task = bar;
      arrow.update();
    }
  }
}

let labelFont: string | null = null;
let measure: CanvasRenderingContext2D | null = null;
const labelWidths = new Map<string, number>();

/** A label's width from the font's metrics (frappe measures each label with getBBox, one layout each). */
const labelWidth = (label: SVGTextElement): number => {
  const text = label.textContent ?? "";
  if (labelFont === null) {
    labelFont = getComputedStyle(label).font;
    measure = document.createElement("canvas").getContext("2d");
    if (measure) measure.font = labelFont;
  }
  const key = `${labelFont}|${text}`;
  let width = labelWidths.get(key);
  if (width === undefined) {
    width = measure?.measureText(text).width ?? text.length * 7;
    if (labelWidths.size > 10_000) labelWidths.clear();
    labelWidths.set(key, width);
  }
  return width;
};

/**
 * Bars drawn while scrolling or after an edit should not grow in from nothing, and their labels are
 * placed from measured text (the same rule as frappe's: inside and centred when it fits, else after
 * the bar) without a layout per bar.
 */
const prepareBar = (bar: FrappeBar): void => {
  for (const animation of bar.group.querySelectorAll("animate")) animation.remove();
  // A bar is a picture of the card's plan: give it the role and name frappe leaves out.
  bar.group.setAttribute("role", "img");
  bar.group.setAttribute("aria-label", bar.task.ariaLabel ?? bar.task.name);
  const placeLabel = () => {
    const label = bar.group.querySelector<SVGTextElement>(".bar-label");
    if (!label) return;
    const x = Number(bar.$bar.getAttribute("x"));
    const width = Number(bar.$bar.getAttribute("width"));
    const textWidth = labelWidth(label);
    const fits = textWidth <= width;
    label.classList.toggle("big", !fits);
    label.setAttribute("x", String(fits ? x + width / 2 - textWidth / 2 : x + width + 5));
  };
  Object.assign(bar, { update_label_position: placeLabel });
  placeLabel();
};
