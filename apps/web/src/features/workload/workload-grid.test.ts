import type { WorkloadCard, WorkloadPerson } from "@lattice/domain";
import { describe, expect, it } from "vitest";
import {
  barBox,
  buildGrid,
  dayAt,
  LANE_HEIGHT,
  LOAD_HEIGHT,
  ROW_BLOCK,
  ROW_PADDING,
  rowAt,
  shownRows,
  visibleDays,
  visibleRows,
  windowOf,
} from "./workload-grid";

const person = (n: number, capacityPerWeek: number | null = null): WorkloadPerson => ({
  userId: `00000000-0000-4000-8000-00000000000${n}`,
  name: `Person ${n}`,
  color: null,
  capacityPerWeek,
});
const card = (id: string, over: Partial<WorkloadCard>): WorkloadCard => ({
  id,
  spaceId: "00000000-0000-4000-8000-0000000000ff",
  name: id,
  startDate: null,
  dueDate: null,
  responsibleId: null,
  coworkerIds: [],
  statusRole: "in_progress",
  isBlocked: false,
  ...over,
});

describe("workload grid", () => {
  const ann = person(1, 1);
  const bob = person(2);
  const cards = [
    card("a", { responsibleId: ann.userId, startDate: "2026-03-02", dueDate: "2026-03-04" }),
    card("b", { responsibleId: ann.userId, dueDate: "2026-03-03" }),
    card("c", { responsibleId: bob.userId, coworkerIds: [ann.userId], dueDate: "2026-03-10" }),
  ];
  const grid = buildGrid([ann, bob], cards, { from: "2026-03-02", to: "2026-03-15" }, "week");

  it("gives each row the height of its lanes and stacks rows", () => {
    const [first, second] = grid.rows;
    expect(first?.height).toBe(LOAD_HEIGHT + 2 * LANE_HEIGHT + ROW_PADDING);
    expect(second?.top).toBe(first?.height);
    expect(grid.height).toBe((first?.height ?? 0) + (second?.height ?? 0));
  });

  it("marks the weeks where a person holds more than their capacity", () => {
    expect(grid.rows[0]?.loads.map((l) => [l.count, l.isOverloaded])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(grid.rows[0]?.overloaded).toBe(1);
    expect(grid.rows[1]?.overloaded).toBe(0);
  });

  it("finds the rows in view and the row and day under a point", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ top: i * 50, height: 50 }));
    expect(visibleRows(rows, 1000, 200, 2)).toEqual([18, 25]);
    expect(rowAt(grid.rows, 1)?.person.userId).toBe(ann.userId);
    expect(rowAt(grid.rows, grid.height + 5)).toBeNull();
    // Week zoom: 16 px a day from Monday 2 March.
    expect(dayAt(grid.origin, "week", 16 * 3 + 2)).toBe("2026-03-05");
    expect(barBox(grid.origin, "week", "2026-03-03", "2026-03-04")).toEqual({ left: 16, width: 32 });
  });

  it("opens on whole weeks around today and pages by half a window", () => {
    expect(windowOf("2026-03-04", "day", 0)).toEqual({ from: "2026-02-23", to: "2026-04-19" });
    expect(windowOf("2026-03-04", "week", 1).from).toBe("2026-05-04");
  });

  it("keeps the day range in view as it is while a horizontal scroll stays within a step, so rows need no redraw", () => {
    // Week zoom: 16 px a day, steps of 28 days (448 px); 1,000 px wide.
    const at = (x: number) => visibleDays("2026-03-02", "week", x, 1000);
    expect(at(0)).toEqual({ first: "2026-03-02", last: "2026-06-22" });
    expect(at(100)).toEqual(at(0));
    expect(at(340)).toEqual(at(0));
    expect(at(400).first).toBe("2026-03-02");
    expect(at(400).last > at(0).last).toBe(true);
    // Always at least what is on screen: at x = 1,400 that is day 87 (28 May) to day 150 (30 Jul).
    expect(at(1400).first <= "2026-05-28").toBe(true);
    expect(at(1400).last >= "2026-07-30").toBe(true);
  });

  it("draws rows in whole blocks, so a scroll within a block keeps the rows drawn as they are", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ top: i * 50, height: 50 }));
    const at = (y: number) => shownRows(rows, y, 400);
    const [first, last] = at(1020);
    expect(first % ROW_BLOCK).toBe(0);
    expect((last + 1) % ROW_BLOCK).toBe(0);
    // Every row in view is drawn.
    expect(first).toBeLessThanOrEqual(20);
    expect(last).toBeGreaterThanOrEqual(27);
    // A few pixels further down draws the same rows; a block further down, the next ones.
    expect(at(1030)).toEqual([first, last]);
    expect(at(1020 + ROW_BLOCK * 50)).toEqual([first + ROW_BLOCK, last + ROW_BLOCK]);
    // The last block stops at the last row.
    expect(at(4800)[1]).toBe(99);
    expect(shownRows([], 0, 400)).toEqual([0, -1]);
  });
});
