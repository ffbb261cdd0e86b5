/**
 * The Gantt adapter in jsdom, with scrolling modelled the way browsers do it: a smooth scroll moves
 * over later frames and stops wherever it is when something sets the position at once. jsdom has no
 * SVG layout or innerText, so those are stubbed as in `windowed-gantt.test.ts`.
 */
import { addDays } from "@lattice/domain";
import { act, cleanup, fireEvent, render } from "@testing-library/react";
import { createRef } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { GanttChart, type GanttChartHandle } from "./gantt-chart";
import { type GanttTask, localDay } from "./gantt-data";

const nativeScrollLeft = Object.getOwnPropertyDescriptor(
  Element.prototype,
  "scrollLeft",
) as PropertyDescriptor;
const nativeScrollTo = Element.prototype.scrollTo;
/** Smooth scrolls under way: where each element is heading. */
const smoothScrolls = new Map<Element, number>();
const setScrollLeft = (element: Element, left: number) => nativeScrollLeft.set?.call(element, left);
/** The frames pass: every smooth scroll still under way arrives. */
const finishSmoothScrolls = () => {
  for (const [element, left] of smoothScrolls) setScrollLeft(element, left);
  smoothScrolls.clear();
};

beforeAll(async () => {
  useI18n.setState({ translator: await createTranslator("en", "en", "UTC") });
  Object.assign(SVGElement.prototype, { getBBox: () => ({ x: 0, y: 0, width: 0, height: 0 }) });
  Object.assign(HTMLCanvasElement.prototype, { getContext: () => null });
  if (!("innerText" in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, "innerText", {
      configurable: true,
      get(this: HTMLElement) {
        return this.textContent;
      },
      set(this: HTMLElement, text: string) {
        this.textContent = text;
      },
    });
  }
  Object.assign(Element.prototype, {
    scrollTo(this: Element, options?: ScrollToOptions) {
      if (typeof options !== "object") return;
      if (options.behavior === "smooth") smoothScrolls.set(this, options.left ?? 0);
      else {
        smoothScrolls.delete(this);
        setScrollLeft(this, options.left ?? 0);
      }
    },
  });
  Object.defineProperty(Element.prototype, "scrollLeft", {
    configurable: true,
    get(this: Element) {
      return nativeScrollLeft.get?.call(this);
    },
    // Setting the position at once stops a smooth scroll under way, as in browsers.
    set(this: Element, left: number) {
      smoothScrolls.delete(this);
      setScrollLeft(this, left);
    },
  });
});

afterAll(() => {
  Object.defineProperty(Element.prototype, "scrollLeft", nativeScrollLeft);
  Object.assign(Element.prototype, { scrollTo: nativeScrollTo });
});

afterEach(() => {
  cleanup();
  smoothScrolls.clear();
});

const today = localDay(new Date());

const task = (id: string, start: string, end: string, overrides: Partial<GanttTask> = {}): GanttTask => ({
  id,
  name: `Card ${id}`,
  start,
  end,
  progress: 0,
  dependencies: "",
  custom_class: "lt-not_started",
  role: "not_started",
  statusName: "To do",
  isMilestone: false,
  isBlocked: false,
  isLate: false,
  conflicts: [],
  ...overrides,
});

// Weeks of work on both sides of today, so the chart starts well before it.
const plan = [
  task("early", addDays(today, -40), addDays(today, -30)),
  task("now", addDays(today, -2), addDays(today, 1)),
  task("later", addDays(today, 20), addDays(today, 23)),
];

const renderChart = (tasks: GanttTask[], onDateChange = vi.fn()) => {
  const ref = createRef<GanttChartHandle>();
  const props = { viewMode: "Day" as const, readOnly: false, onDateChange, onOpen: vi.fn() };
  const view = render(<GanttChart ref={ref} tasks={tasks} {...props} />);
  const container = view.container.querySelector(".gantt-container") as HTMLElement;
  return {
    container,
    ref,
    onDateChange,
    rerender: (next: GanttTask[]) => view.rerender(<GanttChart ref={ref} tasks={next} {...props} />),
  };
};

/** Where frappe marks today on the axis (its own arithmetic, apart from the scroll). */
const todayX = (container: HTMLElement) =>
  Number.parseFloat((container.querySelector(".current-highlight") as HTMLElement).style.left);
const dayWidth = (container: HTMLElement, id: string, days: number) =>
  Number(container.querySelector(`.bar-wrapper[data-id="${id}"] .bar`)?.getAttribute("width")) / days;

describe("GanttChart", () => {
  it("opens on today even when new data arrives while it opens", () => {
    const { container, rerender } = renderChart(plan);
    // The relations (or any change) come in right after the first draw.
    rerender(plan.map((t) => (t.id === "later" ? { ...t, name: "Renamed" } : t)));
    finishSmoothScrolls();
    const width = dayWidth(container, "now", 4);
    expect(width).toBeGreaterThan(0);
    expect(todayX(container)).toBeGreaterThan(30 * width);
    // Today is in the first columns of the view (frappe leaves a sixth of a column before its day).
    const todayInView = todayX(container) - container.scrollLeft;
    expect(todayInView).toBeGreaterThanOrEqual(0);
    expect(todayInView).toBeLessThan(2 * width);
  });

  it("keeps the position the person scrolled to when the data changes", () => {
    const { container, rerender } = renderChart(plan);
    finishSmoothScrolls();
    container.scrollLeft = 120;
    rerender(plan.map((t) => (t.id === "now" ? { ...t, end: addDays(t.end, 2) } : t)));
    finishSmoothScrolls();
    expect(container.scrollLeft).toBe(120);
  });

  it("reports a dragged bar's new dates once, when the mouse is released", () => {
    const { container, onDateChange } = renderChart(plan);
    const bar = container.querySelector('.bar-wrapper[data-id="later"] .bar') as SVGRectElement;
    const svg = container.querySelector("svg") as SVGSVGElement;
    const width = dayWidth(container, "later", 4);
    const at = (type: string, target: Element, offsetX: number) => {
      const event = new MouseEvent(type, { bubbles: true, cancelable: true, button: 0 });
      Object.defineProperty(event, "offsetX", { value: offsetX });
      act(() => {
        fireEvent(target, event);
      });
    };
    const x = Number(bar.getAttribute("x")) + 10;
    at("mousedown", bar, x);
    // Across three days, a day at a time: frappe reports new dates at every step.
    for (const step of [1, 2, 3]) at("mousemove", svg, x + step * width);
    expect(onDateChange).not.toHaveBeenCalled();
    at("mouseup", svg, x + 3 * width);
    expect(onDateChange).toHaveBeenCalledTimes(1);
    const [id, start, end] = onDateChange.mock.calls[0] as [string, Date, Date];
    expect(id).toBe("later");
    expect(localDay(start)).toBe(addDays(today, 23));
    expect(localDay(end)).toBe(addDays(today, 26));
  });
});
