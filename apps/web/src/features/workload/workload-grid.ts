/**
 * Geometry of the Workload grid: one row per person (height from their lanes), one column per day or
 * week, and what is on screen. Only the rows and periods in view (plus a margin) are rendered, so
 * 200 people × 5,000 cards costs what a screenful costs. Pure, so it is tested without a browser.
 */
import {
  addDays,
  cardsByPerson,
  daysBetween,
  type LaidOutCard,
  layOutRow,
  loadOf,
  type PeriodLoad,
  periodsOf,
  type WorkloadCard,
  type WorkloadPeriod,
  type WorkloadPerson,
  type WorkloadZoom,
  weekStartOf,
} from "@lattice/domain";

export const LANE_HEIGHT = 24;
/** The strip at the top of a row with each period's count against capacity. */
export const LOAD_HEIGHT = 18;
export const ROW_PADDING = 6;
export const dayWidthOf = (zoom: WorkloadZoom): number => (zoom === "day" ? 36 : 16);
export const periodWidthOf = (zoom: WorkloadZoom): number => dayWidthOf(zoom) * (zoom === "day" ? 1 : 7);

export interface WorkloadRow {
  person: WorkloadPerson;
  bars: LaidOutCard<WorkloadCard>[];
  loads: PeriodLoad[];
  overloaded: number;
  top: number;
  height: number;
}

export interface WorkloadGrid {
  /** First day of the grid (a Monday in week zoom). */
  origin: string;
  periods: WorkloadPeriod[];
  rows: WorkloadRow[];
  height: number;
  width: number;
}

export const buildGrid = (
  people: readonly WorkloadPerson[],
  cards: readonly WorkloadCard[],
  window: { from: string; to: string },
  zoom: WorkloadZoom,
): WorkloadGrid => {
  const periods = periodsOf(window.from, window.to, zoom);
  const origin = periods[0]?.start ?? window.from;
  const byPerson = cardsByPerson(cards);
  let top = 0;
  const rows = people.map((person) => {
    const mine = byPerson.get(person.userId) ?? [];
    const { bars, lanes } = layOutRow(mine, person.userId);
    const loads = loadOf(mine, periods, zoom, person.capacityPerWeek);
    const height = LOAD_HEIGHT + Math.max(1, lanes) * LANE_HEIGHT + ROW_PADDING;
    const row = {
      person,
      bars,
      loads,
      overloaded: loads.filter((l) => l.isOverloaded).length,
      top,
      height,
    };
    top += height;
    return row;
  });
  return { origin, periods, rows, height: top, width: periods.length * periodWidthOf(zoom) };
};

/** Index range [first, last] of rows meeting [y, y + height] with `overscan` more on each side. */
export const visibleRows = (
  rows: readonly Pick<WorkloadRow, "top" | "height">[],
  y: number,
  height: number,
  overscan = 4,
): [number, number] => {
  if (rows.length === 0) return [0, -1];
  // Binary search for the first row whose bottom is below y.
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid] as { top: number; height: number };
    if (row.top + row.height <= y) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last + 1 < rows.length && (rows[last + 1] as { top: number }).top < y + height) last += 1;
  return [Math.max(0, lo - overscan), Math.min(rows.length - 1, last + overscan)];
};

/** Rows are drawn in blocks of this many (see shownRows). */
export const ROW_BLOCK = 8;

/**
 * Index range [first, last] of the rows to draw for a vertical scroll of `y` over `height` pixels: the
 * rows in view with a margin, widened to whole blocks of ROW_BLOCK rows. Its edges move by whole
 * blocks, so most scroll frames keep the rows drawn as they are and React has nothing to do.
 */
export const shownRows = (
  rows: readonly Pick<WorkloadRow, "top" | "height">[],
  y: number,
  height: number,
): [number, number] => {
  const [first, last] = visibleRows(rows, y, height);
  if (last < first) return [first, last];
  return [first - (first % ROW_BLOCK), Math.min(rows.length - 1, last - (last % ROW_BLOCK) + ROW_BLOCK - 1)];
};

/**
 * Day range [first, last] shown for a horizontal scroll of `x` over `width` pixels, with a margin of
 * one to two steps (a week by day, four weeks by week) on each side. Its edges move by whole steps,
 * so scrolling within a step keeps the range (and the rows drawn for it) as they are.
 */
export const visibleDays = (
  origin: string,
  zoom: WorkloadZoom,
  x: number,
  width: number,
): { first: string; last: string } => {
  const dayWidth = dayWidthOf(zoom);
  const step = zoom === "day" ? 7 : 28;
  const first = Math.max(0, (Math.floor(x / dayWidth / step) - 1) * step);
  const last = (Math.ceil((x + width) / dayWidth / step) + 1) * step;
  return { first: addDays(origin, first), last: addDays(origin, last) };
};

/** Left edge and width in pixels of a bar from `start` to `end` (inclusive days). */
export const barBox = (
  origin: string,
  zoom: WorkloadZoom,
  start: string,
  end: string,
): { left: number; width: number } => {
  const dayWidth = dayWidthOf(zoom);
  return {
    left: daysBetween(origin, start) * dayWidth,
    width: (daysBetween(start, end) + 1) * dayWidth,
  };
};

/** The day under horizontal position `x` of the grid. */
export const dayAt = (origin: string, zoom: WorkloadZoom, x: number): string =>
  addDays(origin, Math.floor(x / dayWidthOf(zoom)));

/** The row under vertical position `y`, or null. */
export const rowAt = (rows: readonly WorkloadRow[], y: number): WorkloadRow | null => {
  const [first] = visibleRows(rows, y, 0, 0);
  const row = rows[first];
  return row && y >= row.top && y < row.top + row.height ? row : null;
};

/** The window the page asks for: whole weeks around today (8 by day, 26 by week), moved by `page`. */
export const windowOf = (today: string, zoom: WorkloadZoom, page: number): { from: string; to: string } => {
  const weeks = zoom === "day" ? 8 : 26;
  const step = zoom === "day" ? 4 : 13;
  const from = addDays(weekStartOf(today), (page * step - (zoom === "day" ? 1 : 4)) * 7);
  return { from, to: addDays(from, weeks * 7 - 1) };
};
