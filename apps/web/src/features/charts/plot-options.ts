/** uPlot option pieces the chart views share: UTC dates and axes in the theme's colours. */
import uPlot from "uplot";
import { type ChartColors, withAlpha } from "./colors";
import { countIncrs, dayIncrs } from "./shape";

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

export const dateAxis = (colors: ChartColors): uPlot.Axis => ({ ...axis(colors), incrs: dayIncrs });

export const countAxis = (colors: ChartColors, label: string): uPlot.Axis => ({
  ...axis(colors, label),
  incrs: countIncrs,
});
