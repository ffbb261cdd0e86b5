/**
 * The move maths of the board: which request a person's intent becomes (`planMove`), and where the
 * card then lands when the domain's mutator places it from the board's neighbours: in the order the
 * person asked for, with a key strictly between the cards around it.
 */
import {
  applyBoardEvent,
  type BoardState,
  boardColumns,
  type Card,
  compareKeys,
  isRefusal,
  keysBetween,
  moveCard,
  type Status,
} from "@lattice/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MoveIntent, moveContextFromBoard, planMove } from "./move-plan";

const at = "2026-01-01T00:00:00.000Z";

const status = (id: string, position: string, role: Status["role"] = "in_progress"): Status => ({
  id,
  workspaceId: "w",
  spaceId: "s",
  name: id,
  position,
  role,
  wipLimit: null,
});

const card = (id: string, statusId: string, position: string, isBlocked = false): Card => ({
  id,
  workspaceId: "w",
  spaceId: "s",
  statusId,
  name: id,
  description: "",
  position,
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

/** A board from card names per column (columns todo, doing, done in that order; done is completed). */
const boardOf = (columns: { todo: string[]; doing: string[]; done: string[] }, blocked: string[] = []) => {
  const statuses = [status("todo", "a0"), status("doing", "a1"), status("done", "a2", "completed")];
  const cards: Record<string, Card> = {};
  for (const s of statuses) {
    const names = columns[s.id as keyof typeof columns];
    const keys = keysBetween(null, null, names.length);
    names.forEach((name, i) => {
      cards[name] = card(name, s.id, keys[i] as string, blocked.includes(name));
    });
  }
  const state: BoardState = {
    space: null,
    statuses: Object.fromEntries(statuses.map((s) => [s.id, s])),
    cards,
    relations: {},
  };
  return state;
};

const namesByColumn = (state: BoardState) =>
  Object.fromEntries(boardColumns(state).map((c) => [c.status.id, c.cards.map((x) => x.name)]));

/** Plans the intent, runs the domain's move on the board's context and applies its event. */
const applyIntent = (state: BoardState, cardId: string, intent: MoveIntent) => {
  const body = planMove(state, cardId, intent);
  if (!body) return { body, state, refusal: null };
  const result = moveCard(
    moveContextFromBoard(state, cardId, body, "member"),
    body,
    { id: "u" },
    new Date(at),
  );
  if (isRefusal(result)) return { body, state, refusal: result };
  return { body, state: result.events.reduce(applyBoardEvent, state), refusal: null };
};

/** The moved card's key sits strictly between the keys of the cards now around it. */
const expectKeyStrictlyBetweenNeighbours = (state: BoardState, cardId: string) => {
  const moved = state.cards[cardId] as Card;
  const column = boardColumns(state).find((c) => c.status.id === moved.statusId)?.cards ?? [];
  const index = column.findIndex((c) => c.id === cardId);
  const previous = column[index - 1];
  const next = column[index + 1];
  if (previous) expect(compareKeys(previous.position, moved.position)).toBe(-1);
  if (next) expect(compareKeys(moved.position, next.position)).toBe(-1);
};

describe("planMove within a column", () => {
  const start = () => boardOf({ todo: ["A", "B", "C"], doing: ["D"], done: [] });

  it("moves a card up by placing it before the card above it", () => {
    const { body, state } = applyIntent(start(), "C", { kind: "up" });
    expect(body).toEqual({ statusId: "todo", beforeId: "B" });
    expect(namesByColumn(state).todo).toEqual(["A", "C", "B"]);
    expectKeyStrictlyBetweenNeighbours(state, "C");
  });

  it("moves the second card up to the top, before the first", () => {
    const { body, state } = applyIntent(start(), "B", { kind: "up" });
    expect(body).toEqual({ statusId: "todo", beforeId: "A" });
    expect(namesByColumn(state).todo).toEqual(["B", "A", "C"]);
    expectKeyStrictlyBetweenNeighbours(state, "B");
  });

  it("moves a card down by placing it after the card below it", () => {
    const { body, state } = applyIntent(start(), "A", { kind: "down" });
    expect(body).toEqual({ statusId: "todo", afterId: "B" });
    expect(namesByColumn(state).todo).toEqual(["B", "A", "C"]);
    expectKeyStrictlyBetweenNeighbours(state, "A");
  });

  it("moves the second-to-last card down to the bottom", () => {
    const { body, state } = applyIntent(start(), "B", { kind: "down" });
    expect(body).toEqual({ statusId: "todo", afterId: "C" });
    expect(namesByColumn(state).todo).toEqual(["A", "C", "B"]);
  });

  it("moves a card to the top before the first other card, and to the bottom after the last", () => {
    const top = applyIntent(start(), "C", { kind: "top" });
    expect(top.body).toEqual({ statusId: "todo", beforeId: "A" });
    expect(namesByColumn(top.state).todo).toEqual(["C", "A", "B"]);
    expectKeyStrictlyBetweenNeighbours(top.state, "C");

    const bottom = applyIntent(start(), "A", { kind: "bottom" });
    expect(bottom.body).toEqual({ statusId: "todo" });
    expect(namesByColumn(bottom.state).todo).toEqual(["B", "C", "A"]);
    expectKeyStrictlyBetweenNeighbours(bottom.state, "A");
  });

  it("plans nothing for a move that would not change the order: up or top from the top, down or bottom from the bottom", () => {
    const board = start();
    expect(planMove(board, "A", { kind: "up" })).toBeNull();
    expect(planMove(board, "A", { kind: "top" })).toBeNull();
    expect(planMove(board, "C", { kind: "down" })).toBeNull();
    expect(planMove(board, "C", { kind: "bottom" })).toBeNull();
    // Alone in its column, every direction is already where it is.
    for (const kind of ["up", "down", "top", "bottom"] as const) {
      expect(planMove(board, "D", { kind })).toBeNull();
    }
  });

  it("places a dropped card after the neighbour above the drop, or before the one below it at the top", () => {
    const after = applyIntent(start(), "A", {
      kind: "place",
      statusId: "todo",
      afterId: "B",
      beforeId: null,
    });
    expect(after.body).toEqual({ statusId: "todo", afterId: "B" });
    expect(namesByColumn(after.state).todo).toEqual(["B", "A", "C"]);
    expectKeyStrictlyBetweenNeighbours(after.state, "A");

    const before = applyIntent(start(), "C", {
      kind: "place",
      statusId: "todo",
      afterId: null,
      beforeId: "A",
    });
    expect(before.body).toEqual({ statusId: "todo", beforeId: "A" });
    expect(namesByColumn(before.state).todo).toEqual(["C", "A", "B"]);
  });

  it("plans nothing for a drop that names only the card itself, or a card no longer in the column", () => {
    const board = start();
    expect(
      planMove(board, "A", { kind: "place", statusId: "todo", afterId: "A", beforeId: null }),
    ).toBeNull();
    expect(
      planMove(board, "A", { kind: "place", statusId: "todo", afterId: "D", beforeId: null }),
    ).toBeNull();
  });

  it("plans nothing for an unknown card or a status the board does not hold", () => {
    const board = start();
    expect(planMove(board, "nope", { kind: "up" })).toBeNull();
    expect(planMove(board, "A", { kind: "status", statusId: "elsewhere" })).toBeNull();
  });
});

describe("planMove across columns", () => {
  const start = () => boardOf({ todo: ["A", "B", "C"], doing: ["D", "E"], done: [] });

  it("places a card between two cards of another column, with a key strictly between theirs", () => {
    const { body, state } = applyIntent(start(), "B", {
      kind: "place",
      statusId: "doing",
      afterId: "D",
      beforeId: null,
    });
    expect(body).toEqual({ statusId: "doing", afterId: "D" });
    expect(namesByColumn(state)).toEqual({ todo: ["A", "C"], doing: ["D", "B", "E"], done: [] });
    expectKeyStrictlyBetweenNeighbours(state, "B");
  });

  it("places a card at the top and at the bottom of another column", () => {
    const top = applyIntent(start(), "A", { kind: "place", statusId: "doing", afterId: null, beforeId: "D" });
    expect(top.body).toEqual({ statusId: "doing", beforeId: "D" });
    expect(namesByColumn(top.state).doing).toEqual(["A", "D", "E"]);
    expectKeyStrictlyBetweenNeighbours(top.state, "A");

    const bottom = applyIntent(start(), "A", {
      kind: "place",
      statusId: "doing",
      afterId: "E",
      beforeId: null,
    });
    expect(namesByColumn(bottom.state).doing).toEqual(["D", "E", "A"]);
    expectKeyStrictlyBetweenNeighbours(bottom.state, "A");
  });

  it("sends a card to the bottom of a status chosen by name", () => {
    const { body, state } = applyIntent(start(), "A", { kind: "status", statusId: "doing" });
    expect(body).toEqual({ statusId: "doing" });
    expect(namesByColumn(state).doing).toEqual(["D", "E", "A"]);
    expect(planMove(start(), "A", { kind: "status", statusId: "todo" })).toBeNull();
  });

  it("drops a card into an empty column, which completes it there", () => {
    const { body, state } = applyIntent(start(), "D", {
      kind: "place",
      statusId: "done",
      afterId: null,
      beforeId: null,
    });
    expect(body).toEqual({ statusId: "done" });
    expect(namesByColumn(state)).toEqual({ todo: ["A", "B", "C"], doing: ["E"], done: ["D"] });
    expect(state.cards.D?.completedAt).toBe(at);
  });

  it("plans nothing for a drop that names no neighbour in a column that has cards", () => {
    expect(
      planMove(start(), "A", { kind: "place", statusId: "doing", afterId: null, beforeId: null }),
    ).toBeNull();
  });

  it("leaves a blocked card in its status (the domain refuses), but lets it move within its column", () => {
    const board = boardOf({ todo: ["A", "B", "C"], doing: ["D"], done: [] }, ["B"]);
    const across = applyIntent(board, "B", {
      kind: "place",
      statusId: "doing",
      afterId: "D",
      beforeId: null,
    });
    expect(across.refusal?.code).toBe("blocked");
    expect(namesByColumn(across.state)).toEqual(namesByColumn(board));

    const within = applyIntent(board, "B", { kind: "top" });
    expect(within.refusal).toBeNull();
    expect(namesByColumn(within.state).todo).toEqual(["B", "A", "C"]);
  });
});

describe("a drop between any two cards", () => {
  it("lands exactly there, with a key strictly between its new neighbours", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (sourceSize, targetSize, pick, slot, isSameColumn) => {
          const todo = Array.from({ length: sourceSize }, (_, i) => `T${i}`);
          const doing = Array.from({ length: targetSize }, (_, i) => `D${i}`);
          const board = boardOf({ todo, doing, done: [] });
          const moving = todo[pick % sourceSize] as string;
          const target = isSameColumn ? todo.filter((n) => n !== moving) : doing;
          const index = slot % (target.length + 1);
          // What the canvas sends: the card above the drop, else the one below it, else an empty column.
          const above = target[index - 1] ?? null;
          const below = above ? null : (target[index] ?? null);
          const statusId = isSameColumn ? "todo" : "doing";
          const expected = [...target.slice(0, index), moving, ...target.slice(index)];
          const { body, state, refusal } = applyIntent(board, moving, {
            kind: "place",
            statusId,
            afterId: above,
            beforeId: below,
          });
          expect(refusal).toBeNull();
          const isNoop = isSameColumn && expected.join() === todo.join();
          if (isNoop) {
            // Dropped where it was: either no request, or one that leaves the order as it was.
            expect(namesByColumn(state).todo).toEqual(todo);
            return;
          }
          expect(body).not.toBeNull();
          expect(namesByColumn(state)[statusId]).toEqual(expected);
          expectKeyStrictlyBetweenNeighbours(state, moving);
        },
      ),
    );
  });
});
