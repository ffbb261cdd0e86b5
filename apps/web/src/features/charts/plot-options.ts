/**
 * uPlot option pieces the chart views share: UTC dates and axes in the theme's colours, their ticks
 * written in the person's locale (uPlot's own tick labels are English month names and plain digits).
 */
import uPlot from "uplot";
import { type ChartColors, withAlpha } from "./colors";
import { type ChartWords, countIncrs, dayIncrs, secondsToIsoDate } from "./shape";

const MONTH_SECONDS = 28 * 86_400;

/** Shows timestamps as UTC dates (the chart endpoints count days in UTC). */
export const utcDate = (ts: number): Date => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC");

export const axis = (colors: ChartColors, label?: string): uPlot.Axis => ({
  stroke: colors.muted,
  grid: { stroke: withAlpha(colors.border, 0.9), width: 1 },
  ticks: { stroke: colors.border, width: 1 },
  font: "12px system-ui, sans-serif",
  ...(label ? { label, labelFont: "12px system-ui, sans-serif", labelSize: 24 } : {}),
});

export const pixelRatio = (): number => (typeof window === "undefined" ? 1 : window.devicePixelRatio || 1);

/** Ticks a day or weeks apart read "7 Dec"; a month or more apart, "Dec 2026". */
export const dateAxis = (colors: ChartColors, words: ChartWords): uPlot.Axis => ({
  ...axis(colors),
  incrs: dayIncrs,
  values: (_u, splits, _axis, _space, incr) =>
    splits.map((s) =>
      incr >= MONTH_SECONDS
        ? words.format.monthYear(secondsToIsoDate(s))
        : words.format.calendarDay(secondsToIsoDate(s)),
    ),
});

/** Tick labels as the person's numbers (Arabic-Indic digits in Arabic). */
export const numberValues =
  (words: ChartWords): uPlot.Axis.DynamicValues =>
  (_u, splits) =>
    splits.map((s) => words.format.number(s));

export const countAxis = (colors: ChartColors, label: string, words: ChartWords): uPlot.Axis => ({
  ...axis(colors, label),
  incrs: countIncrs,
  values: numberValues(words),
});
