/**
 * The windowed frappe-gantt in jsdom: which bars exist, what a data change redraws, and that names
 * reach the SVG as text. jsdom has no SVG layout, scrolling or innerText, so those are stubbed (labels are measured with
 * canvas metrics, which jsdom also lacks: the fallback estimate is used).
 */
import { addDays } from "@lattice/domain";
import Gantt from "frappe-gantt";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Translator, useI18n } from "../../lib/i18n/i18n";
import { createTranslator } from "../../lib/i18n/runtime";
import { barLabeller, toFrappeTasks } from "./frappe-tasks";
import type { GanttTask } from "./gantt-data";
import { WindowedGantt } from "./windowed-gantt";

const ROW = 24 + 16;

let english: Translator;

beforeAll(async () => {
  english = await createTranslator("en", "en", "UTC");
  useI18n.setState({ translator: english });
  Object.assign(SVGElement.prototype, { getBBox: () => ({ x: 0, y: 0, width: 0, height: 0 }) });
  Object.assign(HTMLCanvasElement.prototype, { getContext: () => null });
  // jsdom has no scrolling; frappe scrolls to the start of the axis after drawing.
  Object.assign(Element.prototype, { scrollTo: () => undefined });
  // frappe writes header labels with innerText, which jsdom does not implement.
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
});

const task = (i: number, overrides: Partial<GanttTask> = {}): GanttTask => {
  const start = addDays("2027-01-04", i % 60);
  return {
    id: `card-${i}`,
    name: `Card ${i}`,
    start,
    end: addDays(start, 3),
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
  };
};

const tasks = (count: number, change?: (t: GanttTask) => GanttTask) =>
  Array.from({ length: count }, (_, i) => (change ? change(task(i)) : task(i)));

let host: HTMLDivElement | null = null;
const options = {
  view_mode: "Day",
  bar_height: 24,
  padding: 16,
  upper_header_height: 40,
  lower_header_height: 28,
  infinite_padding: false,
  move_dependencies: false,
  readonly_progress: true,
  today_button: false,
  scroll_to: null,
  container_height: 600,
};

const mount = (list: GanttTask[]) => {
  host = document.createElement("div");
  document.body.append(host);
  const gantt = new WindowedGantt(host, toFrappeTasks(list, barLabeller(english)), options);
  return gantt;
};

afterEach(() => {
  host?.remove();
  host = null;
});

const barIds = () =>
  [...document.querySelectorAll(".gantt .bar-wrapper")].map((el) => el.getAttribute("data-id"));
const barOf = (id: string) => document.querySelector(`.gantt .bar-wrapper[data-id="${id}"]`);

/** Scrolls the chart's container (jsdom keeps no scroll offsets) and lets the re-window run. */
const scrollTo = async (gantt: WindowedGantt, top: number) => {
  Object.defineProperty(gantt.$container, "scrollTop", { value: top, configurable: true });
  gantt.$container.dispatchEvent(new Event("scroll"));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
};

describe("WindowedGantt", () => {
  it("draws bars only for the rows near the viewport, and the rows follow the scroll", async () => {
    const gantt = mount(tasks(3000));
    const first = barIds();
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(200);
    expect(first.length).toBe(gantt.drawnBarCount);
    expect(barOf("card-0")).not.toBeNull();
    expect(barOf("card-2000")).toBeNull();
    // The chart is as tall as every row, so the scrollbar stands for all of them.
    expect(Number(gantt.$container.querySelector("svg")?.getAttribute("height"))).toBeGreaterThan(3000 * ROW);

    await scrollTo(gantt, 2000 * ROW);
    expect(barOf("card-2000")).not.toBeNull();
    expect(barOf("card-0")).toBeNull();
    const bar = barOf("card-2000")?.querySelector(".bar");
    // Its row's place, below the header: the same y frappe gives it when it draws every row.
    expect(Number(bar?.getAttribute("y"))).toBe(40 + 28 + 10 + 16 / 2 + 2000 * ROW);
    gantt.destroy();
  });

  it("draws the far end of an arrow that leaves the window", () => {
    const list = tasks(3000);
    const first = list[1];
    const far = list[2500];
    if (!first || !far) throw new Error("no tasks");
    list[2500] = { ...far, dependencies: first.id };
    const gantt = mount(list);
    expect(barOf("card-2500")).not.toBeNull();
    const arrows = [...document.querySelectorAll(".gantt .arrow path")];
    expect(arrows.map((a) => `${a.getAttribute("data-from")}→${a.getAttribute("data-to")}`)).toContain(
      "card-1→card-2500",
    );
    gantt.destroy();
  });

  it("redraws only the bar whose card changed", () => {
    const gantt = mount(tasks(500));
    const untouched = barOf("card-3");
    const before = barOf("card-5");
    const next = tasks(500, (t) =>
      t.id === "card-5" ? { ...t, end: addDays(t.end, 2), custom_class: "lt-in_progress-late" } : t,
    );
    expect(gantt.replaceTasks(toFrappeTasks(next))).toBe("bars");
    const after = barOf("card-5");
    expect(after).not.toBe(before);
    expect(after?.getAttribute("class")).toContain("lt-in_progress-late");
    expect(after?.getAttribute("class")).not.toContain("lt-not_started");
    expect(Number(after?.querySelector(".bar")?.getAttribute("width"))).toBeGreaterThan(
      Number(before?.querySelector(".bar")?.getAttribute("width")),
    );
    expect(barOf("card-3")).toBe(untouched);
    expect(document.querySelectorAll('.gantt .bar-wrapper[data-id="card-5"]')).toHaveLength(1);

    expect(gantt.replaceTasks(toFrappeTasks(next))).toBe("bars");
    expect(barOf("card-5")).toBe(after);
    gantt.destroy();
  });

  it("draws afresh when rows are added, or a date leaves the time axis", () => {
    const gantt = mount(tasks(50));
    expect(gantt.replaceTasks(toFrappeTasks(tasks(51)))).toBe("all");
    expect(barOf("card-50")).not.toBeNull();
    const later = tasks(51, (t) =>
      t.id === "card-7" ? { ...t, start: "2029-01-01", end: "2029-01-05" } : t,
    );
    expect(gantt.replaceTasks(toFrappeTasks(later))).toBe("all");
    expect(barOf("card-7")).not.toBeNull();
    gantt.destroy();
  });

  it("places bars exactly where frappe-gantt itself does", () => {
    const list = tasks(40, (t) => ({ ...t, end: addDays(t.start, Number(t.id.slice(5)) % 4) }));
    const plainHost = document.createElement("div");
    document.body.append(plainHost);
    new Gantt(plainHost, toFrappeTasks(list), { ...options, lines: "vertical" });
    const geometry = (root: Element) =>
      [...root.querySelectorAll(".bar-wrapper")].map((el) => {
        const bar = el.querySelector(".bar");
        return [
          el.getAttribute("data-id"),
          bar?.getAttribute("x"),
          bar?.getAttribute("y"),
          bar?.getAttribute("width"),
        ];
      });
    const expected = geometry(plainHost);
    plainHost.remove();
    const gantt = mount(list);
    expect(expected).toHaveLength(40);
    expect(geometry(gantt.$container)).toEqual(expected);
    gantt.destroy();
  });

  it("puts a card's name in the chart as text, never as markup", () => {
    const name = `<img src=x onerror="window.__pwned=1"> & "friends"`;
    const gantt = mount([task(0, { name })]);
    const label = barOf("card-0")?.querySelector(".bar-label");
    expect(label?.textContent).toBe(name);
    expect(document.querySelector(".gantt img")).toBeNull();
    gantt.destroy();
  });

  it("gives each bar the role of a picture and a name that says the card, its dates and its flags", () => {
    mount([
      task(0, { name: "Book <the> venue", statusName: "Doing", progress: 40, isBlocked: true }),
      task(1, { conflicts: ["starts before its previous card ends"] }),
    ]);
    const bar = barOf("card-0");
    expect(bar?.getAttribute("role")).toBe("img");
    expect(bar?.getAttribute("aria-label")).toMatch(/^Book <the> venue, .+–.+, Doing, 40% done, blocked$/);
    expect(barOf("card-1")?.getAttribute("aria-label")).toMatch(/, date conflict$/);
  });
});
