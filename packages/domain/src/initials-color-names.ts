/** The palette's names (for the settings page) and the WCAG contrast the palette is checked with. */
import type { InitialsColor } from "./people-schemas.js";

/** Names for people choosing by ear (screen readers) rather than by eye. */
export const initialsColorNames: Readonly<Record<InitialsColor, string>> = {
  "#1d4ed8": "Blue",
  "#6d28d9": "Violet",
  "#a21caf": "Purple",
  "#be185d": "Pink",
  "#b91c1c": "Red",
  "#c2410c": "Orange",
  "#a16207": "Amber",
  "#4d7c0f": "Lime",
  "#15803d": "Green",
  "#0f766e": "Teal",
  "#0e7490": "Cyan",
  "#475569": "Slate",
};

/** WCAG relative luminance of a #rrggbb colour. */
export const relativeLuminance = (hex: string): number => {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export const contrastRatio = (a: string, b: string): number => {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
};
