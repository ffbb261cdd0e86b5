/**
 * The sidebar's right edge: drag it (or focus it and use the arrow keys) to set the sidebar's width,
 * remembered in this browser. It sets `--sidebar-width-chosen` on the shell; the layout uses it on wide screens.
 */

import { type KeyboardEvent, type PointerEvent, useCallback, useEffect, useState } from "react";
import { useTranslator } from "../../lib/i18n/i18n";

export const sidebarWidth = { min: 200, max: 480, initial: 272, step: 16 } as const;
const storageKey = "lattice.sidebar-width";

export const clampSidebarWidth = (px: number): number =>
  Math.round(Math.min(sidebarWidth.max, Math.max(sidebarWidth.min, px)));

const readWidth = (): number => {
  try {
    const stored = Number(localStorage.getItem(storageKey));
    return Number.isFinite(stored) && stored > 0 ? clampSidebarWidth(stored) : sidebarWidth.initial;
  } catch {
    return sidebarWidth.initial;
  }
};

/** The remembered width and a setter that remembers it. */
export const useSidebarWidth = () => {
  const [width, setWidth] = useState(readWidth);
  const update = useCallback((px: number) => setWidth(clampSidebarWidth(px)), []);
  useEffect(() => {
    try {
      localStorage.setItem(storageKey, String(width));
    } catch {
      // Storage blocked: the width holds for this visit only.
    }
  }, [width]);
  return [width, update] as const;
};

export const SidebarResizer = ({ width, onResize }: { width: number; onResize: (px: number) => void }) => {
  const { t, dir } = useTranslator();
  // Right to left, the sidebar is on the right and its edge on its left: moving left widens it.
  const outward = dir === "rtl" ? -1 : 1;
  const [drag, setDrag] = useState<{ startX: number; startWidth: number } | null>(null);
  const handlePointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ startX: event.clientX, startWidth: width });
  };
  const handlePointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) onResize(drag.startWidth + outward * (event.clientX - drag.startX));
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = outward * sidebarWidth.step;
    const by = { ArrowLeft: -step, ArrowRight: step }[event.key];
    if (by !== undefined) onResize(width + by);
    else if (event.key === "Home") onResize(sidebarWidth.min);
    else if (event.key === "End") onResize(sidebarWidth.max);
    else return;
    event.preventDefault();
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable splitter is role="separator" (WAI-ARIA window splitter); <hr> cannot take focus or keys
    <div
      className={`sidebar-resizer${drag ? " is-dragging" : ""}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={t("sidebar.resize")}
      aria-valuenow={width}
      aria-valuemin={sidebarWidth.min}
      aria-valuemax={sidebarWidth.max}
      tabIndex={0}
      onPointerDown={handlePointerDown}
      onPointerMove={handlePointerMove}
      onPointerUp={() => setDrag(null)}
      onPointerCancel={() => setDrag(null)}
      onKeyDown={handleKeyDown}
      onDoubleClick={() => onResize(sidebarWidth.initial)}
    />
  );
};
