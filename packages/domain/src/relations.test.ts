import { describe, expect, it } from "vitest";
import type { CardRelation } from "./coordination-schemas.js";
import {
  childrenOf,
  findCycle,
  type ProgressInput,
  parentsOf,
  progressInputsOfBoard,
  progressOf,
  progressOfEach,
} from "./relations.js";

const rel = (
  kind: "parent" | "next",
  from: string,
  to: string,
  createdAt = "2026-01-01T00:00:00.000Z",
): CardRelation => ({
  id: `${kind}-${from}-${to}`,
  workspaceId: "w",
  kind,
  fromCardId: from,
  toCardId: to,
  createdAt,
});

describe("findCycle", () => {
  it("accepts an edge that keeps the graph acyclic", () => {
    expect(
      findCycle(
        [
          { from: "a", to: "b" },
          { from: "b", to: "c" },
        ],
        { from: "a", to: "c" },
      ),
    ).toBeNull();
  });

  it("names the cycle an edge would close, from the new edge's start back to it", () => {
    const edges = [
      { from: "a", to: "b" },
      { from: "b", to: "c" },
    ];
    expect(findCycle(edges, { from: "c", to: "a" })).toEqual(["c", "a", "b", "c"]);
  });

  it("refuses a card related to itself", () => {
    expect(findCycle([], { from: "a", to: "a" })).toEqual(["a", "a"]);
  });

  it("finds the shortest of several cycles", () => {
    const edges = [
      { from: "a", to: "b" },
      { from: "b", to: "c" },
      { from: "c", to: "d" },
      { from: "a", to: "d" },
    ];
    expect(findCycle(edges, { from: "d", to: "a" })).toEqual(["d", "a", "d"]);
  });
});

describe("parents and children", () => {
  it("orders parents by when the relation was made, so the first is the default parent", () => {
    const relations = [
      rel("parent", "late", "child", "2026-02-01T00:00:00.000Z"),
      rel("parent", "early", "child"),
    ];
    expect(parentsOf(relations, "child")).toEqual(["early", "late"]);
    expect(childrenOf(relations, "early")).toEqual(["child"]);
  });
});

describe("progressOf", () => {
  const cards = (entries: Record<string, Partial<ProgressInput>>) =>
    new Map(
      Object.entries(entries).map(([id, c]) => [id, { isCompleted: false, todoTotal: 0, todoDone: 0, ...c }]),
    );

  it("is 100 % for a completed card whatever its to-dos", () => {
    expect(progressOf("a", cards({ a: { isCompleted: true, todoTotal: 4, todoDone: 0 } }), [])).toBe(1);
  });

  it("counts to-dos and children equally, each child at its own progress", () => {
    // a: 2 to-dos (1 done) + child b (completed) + child c (1 of 4 to-dos) → (1 + 1 + 0.25) / 4
    const all = cards({
      a: { todoTotal: 2, todoDone: 1 },
      b: { isCompleted: true },
      c: { todoTotal: 4, todoDone: 1 },
    });
    expect(progressOf("a", all, [rel("parent", "a", "b"), rel("parent", "a", "c")])).toBeCloseTo(2.25 / 4);
  });

  it("is 0 for an open card with neither to-dos nor children", () => {
    expect(progressOf("a", cards({ a: {} }), [])).toBe(0);
  });

  it("follows grandchildren", () => {
    const all = cards({ a: {}, b: {}, c: { isCompleted: true }, d: {} });
    // b has children c (1) and d (0) → 0.5; a has only b → 0.5
    expect(
      progressOf("a", all, [rel("parent", "a", "b"), rel("parent", "b", "c"), rel("parent", "b", "d")]),
    ).toBe(0.5);
  });

  it("answers every card of a board from one list, and a new list with its own children", () => {
    const all = cards({ a: {}, b: { isCompleted: true }, c: {}, d: { isCompleted: true } });
    const before = [rel("parent", "a", "b"), rel("parent", "c", "d"), rel("parent", "c", "a")];
    expect(["a", "b", "c", "d"].map((id) => progressOf(id, all, before))).toEqual([1, 1, 1, 1]);
    // The relation a → b is removed: a (no children left) has no progress, c's child a counts 0.
    const after = before.filter((r) => r.fromCardId !== "a");
    expect(["a", "b", "c", "d"].map((id) => progressOf(id, all, after))).toEqual([0, 1, 0.5, 1]);
    expect(progressOf("c", all, before)).toBe(1);
  });
});

describe("progressOfEach", () => {
  it("gives every card of a board the progress progressOf gives it alone, in a shared tree", () => {
    // a ← b, c; b ← d, e; c ← e (e has two parents); f stands alone with to-dos.
    const view = {
      statuses: {
        open: { id: "open", role: "in_progress" },
        done: { id: "done", role: "completed" },
      },
      cards: Object.fromEntries(
        [
          ["a", "open", 0, 0],
          ["b", "open", 2, 1],
          ["c", "open", 0, 0],
          ["d", "done", 3, 0],
          ["e", "open", 4, 3],
          ["f", "open", 5, 2],
        ].map(([id, statusId, todoTotal, todoDone]) => [id, { id, statusId, todoTotal, todoDone }]),
      ),
    } as unknown as Parameters<typeof progressInputsOfBoard>[0];
    const relations = [
      rel("parent", "a", "b"),
      rel("parent", "a", "c"),
      rel("parent", "b", "d"),
      rel("parent", "b", "e"),
      rel("parent", "c", "e"),
    ];
    const inputs = progressInputsOfBoard(view);
    expect(inputs.get("d")).toEqual({ isCompleted: true, todoTotal: 3, todoDone: 0 });
    const each = progressOfEach(inputs, relations);
    expect([...each.keys()].sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    for (const id of each.keys()) expect(each.get(id)).toBe(progressOf(id, inputs, relations));
    // b: 1 of 2 to-dos, d done (1), e at 3/4 → (1 + 1 + 0.75) / 4
    expect(each.get("b")).toBeCloseTo(2.75 / 4);
  });
});
