/** Chart colours come from the design tokens (CSS variables), so they follow light and dark mode. */
import { useEffect, useState } from "react";

export interface ChartColors {
  text: string;
  muted: string;
  faint: string;
  border: string;
  bg: string;
  accent: string;
  success: string;
  warning: string;
  danger: string;
  /** Series colours (--chart-1 … --chart-9 in charts.css). */
  palette: string[];
}

/** "#4f46e5" + 0.2 → "rgba(79, 70, 229, 0.2)"; other colour syntaxes are returned as they are. */
export const withAlpha = (color: string, alpha: number): string => {
  const hex = color.trim().replace(/^#/, "");
  const full =
    hex.length === 3
      ? hex
          .split("")
          .map((c) => c + c)
          .join("")
      : hex;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) return color;
  const n = Number.parseInt(full, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

const fallbackPalette = [
  "#4f46e5",
  "#0e9f9a",
  "#d97706",
  "#17803d",
  "#c62f3b",
  "#7c3aed",
  "#0284c7",
  "#6b7280",
  "#c9b37e",
];

/** Palette places with a fixed meaning: completed green, cancelled grey, information sand. */
const completedIndex = 3;
const cancelledIndex = 7;
const informationIndex = 8;

/**
 * A colour per status: completed ones green, cancelled grey, information a sand of its own (so an
 * Ideas column and a Cancelled one are told apart), the rest from the palette's other colours.
 */
export const statusColors = (layers: ReadonlyArray<{ role: string }>, colors: ChartColors): string[] => {
  const open = colors.palette.filter(
    (_, i) => i !== completedIndex && i !== cancelledIndex && i !== informationIndex,
  );
  let next = 0;
  return layers.map((layer) => {
    if (layer.role === "completed") return colors.palette[completedIndex] ?? colors.success;
    if (layer.role === "cancelled") return colors.palette[cancelledIndex] ?? colors.faint;
    if (layer.role === "information") return colors.palette[informationIndex] ?? colors.border;
    const color = open[next % open.length] ?? colors.accent;
    next++;
    return color;
  });
};

export const readChartColors = (element: Element = document.documentElement): ChartColors => {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v("--text", "#1c2024"),
    muted: v("--text-muted", "#5c6570"),
    faint: v("--text-faint", "#8a939d"),
    border: v("--border", "#dde1e6"),
    bg: v("--bg-raised", "#ffffff"),
    accent: v("--accent", "#4f46e5"),
    success: v("--success", "#17803d"),
    warning: v("--warning", "#b45309"),
    danger: v("--danger", "#c62f3b"),
    palette: fallbackPalette.map((c, i) => v(`--chart-${i + 1}`, c)),
  };
};

/** The chart colours, read again when the colour scheme changes. */
export const useChartColors = (): ChartColors => {
  const [colors, setColors] = useState(readChartColors);
  useEffect(() => {
    // The scheme is <html data-theme>, set from the person's choice or the system's (ui/preferences.ts).
    if (typeof MutationObserver === "undefined") return;
    const observer = new MutationObserver(() => setColors(readChartColors()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => observer.disconnect();
  }, []);
  return colors;
};
