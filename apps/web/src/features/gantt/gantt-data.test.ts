import { describe, expect, it } from "vitest";
import { board, card, relation, status } from "../space-views/fixtures.test-helpers";
import { buildGantt, datesFromBar, planShift } from "./gantt-data";

const today = "2025-03-10";
const todo = status("todo", "a0", "not_started", "To do");
const doing = status("doing", "a1", "in_progress", "Doing");
const done = status("done", "a2", "completed", "Done");

describe("buildGantt", () => {
  it("orders rows by the default-parent tree in board order", () => {
    const view = board(
      [todo, doing, done],
      [
        card("A", "doing", "a0", { startDate: "2025-03-01", dueDate: "2025-03-20" }),
        card("B", "todo", "a0", { startDate: "2025-03-02", dueDate: "2025-03-04" }),
        card("C", "todo", "a1", { startDate: "2025-03-05", dueDate: "2025-03-06" }),
        card("D", "done", "a0", { startDate: "2025-03-03", dueDate: "2025-03-04" }),
        card("E", "todo", "a2", { dueDate: "2025-03-08" }),
      ],
    );
    // D's default parent is A (older relation), not B.
    const relations = [
      relation("parent", "A", "D", "2025-01-01T00:00:00.000Z"),
      relation("parent", "B", "D", "2025-01-02T00:00:00.000Z"),
      relation("parent", "A", "C"),
    ];
    const data = buildGantt(view, relations, { today });
    // Roots in board order: B, E (To do), A (Doing). A's children in board order: C (To do), D (Done).
    expect(data.rows.map((r) => [r.id, r.depth])).toEqual([
      ["B", 0],
      ["E", 0],
      ["A", 0],
      ["C", 1],
      ["D", 1],
    ]);
    expect(data.tasks.map((t) => t.id)).toEqual(["B", "E", "A", "C", "D"]);
    expect(data.rows.find((r) => r.id === "A")?.hasChildren).toBe(true);
    expect(data.rows.find((r) => r.id === "B")?.hasChildren).toBe(false);
  });

  it("collapsing a parent hides all its descendants", () => {
    const view = board(
      [todo],
      [
        card("P", "todo", "a0", { startDate: "2025-03-01", dueDate: "2025-03-30" }),
        card("K", "todo", "a1", { startDate: "2025-03-02", dueDate: "2025-03-10" }),
        card("G", "todo", "a2", { startDate: "2025-03-03", dueDate: "2025-03-04" }),
        card("X", "todo", "a3", { startDate: "2025-03-03", dueDate: "2025-03-04" }),
      ],
    );
    const relations = [relation("parent", "P", "K"), relation("parent", "K", "G")];
    const open = buildGantt(view, relations, { today });
    expect(open.rows.map((r) => r.id)).toEqual(["P", "K", "G", "X"]);
    const closed = buildGantt(view, relations, { today, collapsed: new Set(["P"]) });
    expect(closed.rows.map((r) => r.id)).toEqual(["P", "X"]);
    expect(closed.rows[0]?.isCollapsed).toBe(true);
    const inner = buildGantt(view, relations, { today, collapsed: new Set(["K"]) });
    expect(inner.rows.map((r) => r.id)).toEqual(["P", "K", "X"]);
  });

  it("shows only the cards the filters keep, and still reports conflicts with hidden ones", () => {
    const view = board(
      [todo, doing],
      [
        card("Early", "todo", "a0", { startDate: "2025-03-01", dueDate: "2025-03-12" }),
        card("Next", "doing", "a0", { startDate: "2025-03-05", dueDate: "2025-03-06" }),
        card("Other", "doing", "a1", { startDate: "2025-03-07", dueDate: "2025-03-08" }),
        card("Undated", "todo", "a1"),
      ],
    );
    const relations = [relation("next", "Early", "Next")];
    const inDoing = (c: { statusId: string }) => c.statusId === "doing";
    const data = buildGantt(view, relations, { today, include: inDoing });
    expect(data.tasks.map((t) => t.id)).toEqual(["Next", "Other"]);
    expect(data.unscheduled).toEqual([]);
    // Next starts before its hidden previous card ends: still a conflict, and no arrow to a hidden bar.
    const next = data.tasks.find((t) => t.id === "Next");
    expect(next?.conflicts.length).toBeGreaterThan(0);
    expect(next?.dependencies).toBe("");
    expect(buildGantt(view, relations, { today }).tasks.find((t) => t.id === "Next")?.conflicts).toEqual(
      next?.conflicts,
    );
  });

  it("draws previous → next relations as dependencies between shown bars", () => {
    const view = board(
      [todo],
      [
        card("A", "todo", "a0", { startDate: "2025-03-01", dueDate: "2025-03-02" }),
        card("B", "todo", "a1", { startDate: "2025-03-03", dueDate: "2025-03-04" }),
        card("C", "todo", "a2", { startDate: "2025-03-05", dueDate: "2025-03-06" }),
        card("U", "todo", "a3"),
      ],
    );
    const relations = [relation("next", "A", "C"), relation("next", "B", "C"), relation("next", "C", "U")];
    const data = buildGantt(view, relations, { today });
    expect(
      data.tasks
        .find((t) => t.id === "C")
        ?.dependencies.split(",")
        .sort(),
    ).toEqual(["A", "B"]);
    expect(data.tasks.find((t) => t.id === "A")?.dependencies).toBe("");
    expect(data.unscheduled.map((c) => c.id)).toEqual(["U"]);
  });

  it("a card with only a due date is a one-day milestone; role, blocked and late are classes", () => {
    const view = board(
      [todo, done],
      [
        card("M", "todo", "a0", { dueDate: "2025-03-01", isBlocked: true }),
        card("F", "done", "a0", { startDate: "2025-03-01", dueDate: "2025-03-02" }),
      ],
    );
    const data = buildGantt(view, [], { today });
    const m = data.tasks.find((t) => t.id === "M");
    expect(m).toMatchObject({ start: "2025-03-01", end: "2025-03-01", isMilestone: true, isLate: true });
    expect(m?.custom_class).toBe("lt-not_started-milestone-blocked-late");
    expect(m?.custom_class).not.toMatch(/\s/);
    const f = data.tasks.find((t) => t.id === "F");
    expect(f).toMatchObject({ custom_class: "lt-completed", progress: 100, isLate: false });
  });

  it("progress is progressOf × 100 (to-dos and children)", () => {
    const view = board(
      [todo, done],
      [
        card("P", "todo", "a0", {
          startDate: "2025-03-01",
          dueDate: "2025-03-09",
          todoTotal: 2,
          todoDone: 1,
        }),
        card("K", "done", "a0", { startDate: "2025-03-02", dueDate: "2025-03-03" }),
      ],
    );
    const data = buildGantt(view, [relation("parent", "P", "K")], { today });
    // (1 to-do done + 1 completed child) / (2 to-dos + 1 child)
    expect(data.tasks.find((t) => t.id === "P")?.progress).toBe(67);
  });

  it("flags date conflicts on both bars with the reason", () => {
    const view = board(
      [todo],
      [
        card("A", "todo", "a0", { startDate: "2025-03-05", dueDate: "2025-03-10" }),
        card("B", "todo", "a1", { startDate: "2025-03-01", dueDate: "2025-03-03" }),
      ],
    );
    const data = buildGantt(view, [relation("next", "A", "B")], { today: "2025-01-01" });
    for (const id of ["A", "B"]) {
      const task = data.tasks.find((t) => t.id === id);
      expect(task?.custom_class).toContain("-conflict");
      expect(task?.conflicts[0]).toContain("before its previous card 'A'");
    }
  });
});

describe("planShift", () => {
  const view = board(
    [todo],
    [
      card("A", "todo", "a0", { startDate: "2025-03-01", dueDate: "2025-03-03" }),
      card("B", "todo", "a1", { startDate: "2025-03-04", dueDate: "2025-03-06" }),
      card("C", "todo", "a2", { startDate: "2025-03-07", dueDate: "2025-03-08" }),
      card("K", "todo", "a3", { dueDate: "2025-03-02" }),
      card("Z", "todo", "a4", { startDate: "2025-03-01", dueDate: "2025-03-02" }),
    ],
  );
  const relations = [relation("next", "A", "B"), relation("next", "B", "C"), relation("parent", "A", "K")];

  it("offers to shift the whole chain by the same days when a follower would conflict", () => {
    const plan = planShift(
      view.cards,
      relations,
      "A",
      { startDate: "2025-03-01", dueDate: "2025-03-03" },
      { startDate: "2025-03-05", dueDate: "2025-03-07" },
    );
    expect(plan?.days).toBe(4);
    expect(plan?.changes).toEqual([
      { cardId: "B", name: "B", startDate: "2025-03-08", dueDate: "2025-03-10" },
      { cardId: "K", name: "K", startDate: null, dueDate: "2025-03-06" },
      { cardId: "C", name: "C", startDate: "2025-03-11", dueDate: "2025-03-12" },
    ]);
    expect(plan?.reasons.length).toBeGreaterThan(0);
  });

  it("offers nothing when the move creates no conflict", () => {
    const plan = planShift(
      view.cards,
      relations,
      "A",
      { startDate: "2025-03-01", dueDate: "2025-03-03" },
      { startDate: "2025-02-27", dueDate: "2025-03-02" },
    );
    expect(plan).toBeNull();
  });
});

describe("datesFromBar", () => {
  it("keeps a milestone a milestone and reads local dates", () => {
    expect(
      datesFromBar(
        { startDate: null, dueDate: "2025-03-01" },
        new Date(2025, 2, 4),
        new Date(2025, 2, 4, 23, 59, 59),
      ),
    ).toEqual({ startDate: null, dueDate: "2025-03-04" });
    expect(
      datesFromBar(
        { startDate: "2025-03-01", dueDate: "2025-03-02" },
        new Date(2025, 2, 4),
        new Date(2025, 2, 6, 23, 59, 59),
      ),
    ).toEqual({ startDate: "2025-03-04", dueDate: "2025-03-06" });
  });
});
