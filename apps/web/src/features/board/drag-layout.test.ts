/**
 * The drag maths of the board canvas, without a pointer: where the dragged card is shown while it
 * hovers another column (`projectionOver`, `projectColumns`), and where it lands when dropped
 * (`landing`), which gives the neighbours the move request names.
 */
import type { Card, Status } from "@lattice/domain";
import { describe, expect, it } from "vitest";
import { type Column, landing, projectColumns, projectionOver } from "./drag-layout";

const at = "2026-01-01T00:00:00.000Z";

const status = (id: string, position: string): Status => ({
  id,
  workspaceId: "w",
  spaceId: "s",
  name: id,
  position,
  role: "in_progress",
  wipLimit: null,
});

const card = (id: string, statusId: string, isBlocked = false): Card => ({
  id,
  workspaceId: "w",
  spaceId: "s",
  statusId,
  name: id,
  description: "",
  position: "a0",
  createdBy: null,
  responsibleId: null,
  coworkerIds: [],
  labelIds: [],
  startDate: null,
  dueDate: null,
  todoTotal: 0,
  todoDone: 0,
  isBlocked,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat: null,
  createdAt: at,
  updatedAt: at,
  completedAt: null,
  archivedAt: null,
  version: 1,
});

/** Columns todo, doing, done (in that order) from card names; `blocked` names blocked cards. */
const columnsOf = (
  cells: { todo: string[]; doing: string[]; done: string[] },
  blocked: string[] = [],
  laneKey?: string,
): Column[] =>
  (["todo", "doing", "done"] as const).map((id, i) => ({
    status: status(id, `a${i}`),
    cards: cells[id].map((name) => card(name, id, blocked.includes(name))),
    ...(laneKey === undefined ? {} : { laneKey }),
  }));

const names = (columns: Column[]) => columns.map((c) => c.cards.map((x) => x.name));

const dragOf = (
  cardId: string,
  fromStatusId: string,
  projection: { statusId: string; index: number } | null,
) => ({
  kind: "card" as const,
  cardId,
  fromStatusId,
  fromCellId: fromStatusId,
  projection,
});

describe("landing", () => {
  const board = () => columnsOf({ todo: ["A", "B", "C"], doing: ["D", "E"], done: [] });

  it("takes the slot of the card it is over when moving down within its column", () => {
    const place = landing(board(), "A", "C");
    expect(place?.column.status.id).toBe("todo");
    expect(place?.index).toBe(2);
    expect(place?.cards.map((c) => c.name)).toEqual(["B", "C", "A"]);
  });

  it("takes the slot of the card it is over when moving up within its column", () => {
    const place = landing(board(), "C", "A");
    expect(place?.index).toBe(0);
    expect(place?.cards.map((c) => c.name)).toEqual(["C", "A", "B"]);
  });

  it("stays where it is over itself, over its own column, or over nothing", () => {
    for (const over of ["B", "col:todo", null]) {
      const place = landing(board(), "B", over);
      expect(place?.column.status.id).toBe("todo");
      expect(place?.index).toBe(1);
      expect(place?.cards.map((c) => c.name)).toEqual(["A", "B", "C"]);
    }
  });

  it("goes into another column at the slot of the card it is over", () => {
    const top = landing(board(), "B", "D");
    expect(top?.column.status.id).toBe("doing");
    expect(top?.index).toBe(0);
    expect(top?.cards.map((c) => c.name)).toEqual(["B", "D", "E"]);

    const second = landing(board(), "B", "E");
    expect(second?.index).toBe(1);
    expect(second?.cards.map((c) => c.name)).toEqual(["D", "B", "E"]);
  });

  it("goes last in another column when over the column's own space, and first in an empty one", () => {
    const last = landing(board(), "A", "col:doing");
    expect(last?.column.status.id).toBe("doing");
    expect(last?.index).toBe(2);
    expect(last?.cards.map((c) => c.name)).toEqual(["D", "E", "A"]);

    const empty = landing(board(), "A", "col:done");
    expect(empty?.column.status.id).toBe("done");
    expect(empty?.index).toBe(0);
    expect(empty?.cards.map((c) => c.name)).toEqual(["A"]);
  });

  it("finds nothing for a card or a column the board does not show", () => {
    expect(landing(board(), "nope", "A")).toBeNull();
    expect(landing(board(), "A", "col:elsewhere")).toBeNull();
    expect(landing(board(), "A", "nope")).toBeNull();
  });

  it("reads a lane's cell id (`<lane>|<status>`) when the board has swimlanes", () => {
    const lanes = [
      ...columnsOf({ todo: ["A"], doing: [], done: [] }, [], "x"),
      ...columnsOf({ todo: [], doing: ["D"], done: [] }, [], "y"),
    ];
    const place = landing(lanes, "A", "col:y|doing");
    expect(place?.column.laneKey).toBe("y");
    expect(place?.cards.map((c) => c.name)).toEqual(["D", "A"]);
  });
});

describe("projectionOver", () => {
  const board = (blocked: string[] = []) =>
    columnsOf({ todo: ["A", "B"], doing: ["D", "E"], done: [] }, blocked);

  it("puts the card in the slot of the card it hovers in another column, or the next slot past its middle", () => {
    expect(projectionOver(board(), "A", "E", false)).toEqual({ statusId: "doing", index: 1 });
    expect(projectionOver(board(), "A", "E", true)).toEqual({ statusId: "doing", index: 2 });
    expect(projectionOver(board(), "A", "D", false)).toEqual({ statusId: "doing", index: 0 });
  });

  it("puts the card last when it hovers a column's own space, the only slot of an empty column", () => {
    expect(projectionOver(board(), "A", "col:doing", false)).toEqual({ statusId: "doing", index: 2 });
    expect(projectionOver(board(), "A", "col:done", true)).toEqual({ statusId: "done", index: 0 });
  });

  it("projects nothing within the card's own column (the sortable list opens the gap there)", () => {
    expect(projectionOver(board(), "A", "B", true)).toBeNull();
    expect(projectionOver(board(), "A", "col:todo", false)).toBeNull();
  });

  it("projects a blocked card into no other status", () => {
    expect(projectionOver(board(["A"]), "A", "D", false)).toBeNull();
    expect(projectionOver(board(["A"]), "A", "col:done", false)).toBeNull();
    expect(projectionOver(board(["B"]), "A", "D", false)).toEqual({ statusId: "doing", index: 0 });
  });

  it("projects a blocked card into another lane of its own status", () => {
    const lanes = [
      ...columnsOf({ todo: ["A"], doing: [], done: [] }, ["A"], "x"),
      ...columnsOf({ todo: ["F"], doing: [], done: [] }, [], "y"),
    ];
    expect(projectionOver(lanes, "A", "F", true)).toEqual({ statusId: "y|todo", index: 1 });
    expect(projectionOver(lanes, "A", "col:y|doing", false)).toBeNull();
  });

  it("projects nothing for a card or a target the board does not show", () => {
    expect(projectionOver(board(), "nope", "D", false)).toBeNull();
    expect(projectionOver(board(), "A", "nope", false)).toBeNull();
    expect(projectionOver(board(), "A", "col:elsewhere", false)).toBeNull();
  });
});

describe("projectColumns", () => {
  const board = () => columnsOf({ todo: ["A", "B", "C"], doing: ["D", "E"], done: [] });

  it("shows the board as it is with no drag, a column drag, or a card drag not yet projected", () => {
    const columns = board();
    expect(projectColumns(columns, null)).toBe(columns);
    expect(projectColumns(columns, { kind: "column", statusId: "todo" })).toBe(columns);
    expect(projectColumns(columns, dragOf("A", "todo", null))).toBe(columns);
  });

  it("takes the card out of its column and opens a gap at the projected slot of another", () => {
    const shown = projectColumns(board(), dragOf("B", "todo", { statusId: "doing", index: 1 }));
    expect(names(shown)).toEqual([["A", "C"], ["D", "B", "E"], []]);
  });

  it("puts the card at the top, at the bottom, and into an empty column", () => {
    expect(names(projectColumns(board(), dragOf("A", "todo", { statusId: "doing", index: 0 })))).toEqual([
      ["B", "C"],
      ["A", "D", "E"],
      [],
    ]);
    expect(names(projectColumns(board(), dragOf("A", "todo", { statusId: "doing", index: 2 })))).toEqual([
      ["B", "C"],
      ["D", "E", "A"],
      [],
    ]);
    expect(names(projectColumns(board(), dragOf("A", "todo", { statusId: "done", index: 0 })))).toEqual([
      ["B", "C"],
      ["D", "E"],
      ["A"],
    ]);
  });

  it("clamps a slot past the end of the column to its end", () => {
    const shown = projectColumns(board(), dragOf("A", "todo", { statusId: "done", index: 7 }));
    expect(names(shown)).toEqual([["B", "C"], ["D", "E"], ["A"]]);
  });

  it("moves the card within its own column when the projection is there", () => {
    const shown = projectColumns(board(), dragOf("A", "todo", { statusId: "todo", index: 2 }));
    expect(names(shown)).toEqual([["B", "C", "A"], ["D", "E"], []]);
  });

  it("leaves unrelated columns as the same objects, so their lists do not re-render", () => {
    const columns = board();
    const shown = projectColumns(columns, dragOf("A", "todo", { statusId: "doing", index: 0 }));
    expect(shown[2]).toBe(columns[2]);
  });

  it("shows the board as it is when the dragged card is no longer on it", () => {
    const columns = board();
    expect(projectColumns(columns, dragOf("gone", "todo", { statusId: "doing", index: 0 }))).toBe(columns);
  });
});
