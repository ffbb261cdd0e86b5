import { describe, expect, it } from "vitest";
import { applyBoardEvent, type BoardState, boardColumns, boardFromSnapshot, emptyBoard } from "./board.js";
import { keysBetween } from "./ordering.js";
import type { Card, Space, Status } from "./schemas.js";

const workspaceId = "00000000-0000-4000-8000-000000000001";
const spaceId = "00000000-0000-4000-8000-000000000002";
const otherSpaceId = "00000000-0000-4000-8000-000000000003";
const at = "2026-01-05T09:00:00.000Z";

const space: Space = {
  id: spaceId,
  workspaceId,
  folderId: null,
  name: "Triage",
  description: "",
  position: "a0",
  isPrivate: false,
  serviceLevelDays: null,
  archivedAt: null,
  createdAt: at,
  updatedAt: at,
};

const [k1, k2, k3] = keysBetween(null, null, 3) as [string, string, string];

const status = (id: string, position: string, name = id): Status => ({
  id,
  workspaceId,
  spaceId,
  name,
  position,
  role: "in_progress",
  wipLimit: null,
});

const card = (id: string, statusId: string, position: string, extra: Partial<Card> = {}): Card => ({
  id,
  workspaceId,
  spaceId,
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
  isBlocked: false,
  attachmentCount: 0,
  coverAttachmentId: null,
  repeat: null,
  createdAt: at,
  updatedAt: at,
  completedAt: null,
  archivedAt: null,
  version: 1,
  ...extra,
});

const todo = status("todo", k1, "To Do");
const doing = status("doing", k2, "Doing");

const start = (): BoardState =>
  boardFromSnapshot({
    space,
    role: "member",
    statuses: [todo, doing],
    cards: [card("c1", "todo", k1), card("c2", "todo", k2)],
    seq: 4,
  });

/** Column name → card ids, in board order. */
const layout = (state: BoardState) =>
  boardColumns(state).map((c) => [c.status.name, c.cards.map((x) => x.id)] as const);

describe("boardFromSnapshot", () => {
  it("leaves archived cards out of the board", () => {
    const state = boardFromSnapshot({
      space,
      role: "member",
      statuses: [todo],
      cards: [card("live", "todo", k1), card("old", "todo", k2, { archivedAt: at })],
      seq: 1,
    });
    expect(Object.keys(state.cards)).toEqual(["live"]);
  });
});

describe("applyBoardEvent", () => {
  it("adds a created card", () => {
    const next = applyBoardEvent(start(), {
      type: "card.created",
      payload: { card: card("c3", "doing", k1) },
    });
    expect(layout(next)).toEqual([
      ["To Do", ["c1", "c2"]],
      ["Doing", ["c3"]],
    ]);
  });

  it("replaces an updated card", () => {
    const renamed = { ...card("c1", "todo", k1), name: "Renamed", version: 2 };
    const next = applyBoardEvent(start(), { type: "card.updated", payload: { card: renamed } });
    expect(next.cards.c1?.name).toBe("Renamed");
    expect(next.cards.c1?.version).toBe(2);
  });

  it("moves a card across columns and within one", () => {
    let state = applyBoardEvent(start(), {
      type: "card.moved",
      payload: { card: card("c1", "doing", k1), fromStatusId: "todo" },
    });
    expect(layout(state)).toEqual([
      ["To Do", ["c2"]],
      ["Doing", ["c1"]],
    ]);
    state = applyBoardEvent(state, {
      type: "card.moved",
      payload: { card: card("c2", "doing", k2), fromStatusId: "todo" },
    });
    state = applyBoardEvent(state, {
      type: "card.moved",
      payload: { card: card("c1", "doing", k3), fromStatusId: "doing" },
    });
    expect(layout(state)).toEqual([
      ["To Do", []],
      ["Doing", ["c2", "c1"]],
    ]);
  });

  it("takes an archived card off the board, whichever event carries it", () => {
    for (const type of ["card.updated", "card.moved"] as const) {
      const archived = card("c1", "todo", k1, { archivedAt: at });
      const next = applyBoardEvent(start(), {
        type,
        payload: { card: archived, fromStatusId: "todo" },
      } as Parameters<typeof applyBoardEvent>[1]);
      expect(Object.keys(next.cards), type).toEqual(["c2"]);
    }
  });

  it("brings an unarchived card back", () => {
    const state = applyBoardEvent(start(), {
      type: "card.updated",
      payload: { card: card("c1", "todo", k1, { archivedAt: at }) },
    });
    const back = applyBoardEvent(state, { type: "card.updated", payload: { card: card("c1", "todo", k1) } });
    expect(layout(back)[0]).toEqual(["To Do", ["c1", "c2"]]);
  });

  it("ignores a card of another space", () => {
    const stranger = card("x", "todo", k3, { spaceId: otherSpaceId });
    const next = applyBoardEvent(start(), { type: "card.created", payload: { card: stranger } });
    expect(next.cards.x).toBeUndefined();
  });

  it("takes off a card that moved to another space, and puts one that arrived from another", () => {
    const left = applyBoardEvent(start(), {
      type: "card.moved_out",
      payload: { cardId: "c1", spaceId, toSpaceId: otherSpaceId, name: "c1" },
    });
    expect(layout(left)).toEqual([
      ["To Do", ["c2"]],
      ["Doing", []],
    ]);
    const arrived = applyBoardEvent(left, {
      type: "card.moved_in",
      payload: {
        card: card("c9", "doing", k3),
        fromSpaceId: otherSpaceId,
        fromSpaceName: "Elsewhere",
        toSpaceName: "Triage",
        droppedLabelNames: [],
        removedUserIds: [],
      },
    });
    expect(layout(arrived)).toEqual([
      ["To Do", ["c2"]],
      ["Doing", ["c9"]],
    ]);
  });

  it("removes a deleted card, and is a no-op for an unknown one", () => {
    const state = start();
    const next = applyBoardEvent(state, { type: "card.deleted", payload: { cardId: "c1", spaceId } });
    expect(Object.keys(next.cards)).toEqual(["c2"]);
    const same = applyBoardEvent(state, { type: "card.deleted", payload: { cardId: "nope", spaceId } });
    expect(same.cards).toBe(state.cards);
  });

  it("adds, updates and deletes statuses", () => {
    let state = applyBoardEvent(start(), {
      type: "status.created",
      payload: { status: status("done", k3, "Done") },
    });
    expect(layout(state).map(([name]) => name)).toEqual(["To Do", "Doing", "Done"]);
    state = applyBoardEvent(state, {
      type: "status.updated",
      payload: { status: { ...status("done", k3, "Shipped"), role: "completed", wipLimit: 5 } },
    });
    expect(state.statuses.done).toMatchObject({ name: "Shipped", role: "completed", wipLimit: 5 });
    state = applyBoardEvent(state, { type: "status.deleted", payload: { statusId: "done", spaceId } });
    expect(layout(state).map(([name]) => name)).toEqual(["To Do", "Doing"]);
  });

  it("updates the space only when it is this board's", () => {
    const renamed = { ...space, name: "Intake" };
    expect(applyBoardEvent(start(), { type: "space.updated", payload: { space: renamed } }).space?.name).toBe(
      "Intake",
    );
    const other = { ...space, id: otherSpaceId, name: "Other" };
    expect(applyBoardEvent(start(), { type: "space.updated", payload: { space: other } }).space?.name).toBe(
      "Triage",
    );
  });

  it("leaves the state untouched for events that are not about the board", () => {
    const state = start();
    expect(applyBoardEvent(state, { type: "folder.deleted", payload: { folderId: "f", workspaceId } })).toBe(
      state,
    );
  });

  it("does not mutate the state it is given", () => {
    const state = start();
    const snapshot = JSON.parse(JSON.stringify(state)) as BoardState;
    applyBoardEvent(state, { type: "card.deleted", payload: { cardId: "c1", spaceId } });
    applyBoardEvent(state, { type: "card.created", payload: { card: card("c3", "todo", k3) } });
    expect(state).toEqual(snapshot);
  });
});

describe("boardColumns", () => {
  it("orders columns and cards byte-wise by position, whatever the insertion order", () => {
    const state: BoardState = {
      ...emptyBoard(),
      statuses: {
        b: status("b", "a1", "Second"),
        a: status("a", "a0", "First"),
        c: status("c", "Zz", "Zeroth"),
      },
      cards: {
        y: card("y", "a", "a0V"),
        x: card("x", "a", "a0"),
        z: card("z", "a", "A"),
      },
    };
    expect(layout(state)).toEqual([
      ["Zeroth", []],
      ["First", ["z", "x", "y"]],
      ["Second", []],
    ]);
  });

  it("breaks a position tie by id so every client shows the same order", () => {
    const state: BoardState = {
      ...emptyBoard(),
      statuses: { s: status("s", "a0") },
      cards: { b: card("b", "s", "a0"), a: card("a", "s", "a0") },
    };
    expect(boardColumns(state)[0]?.cards.map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("drops cards whose status is not on the board", () => {
    const state: BoardState = {
      ...emptyBoard(),
      statuses: { s: status("s", "a0") },
      cards: { a: card("a", "gone", "a0") },
    };
    expect(boardColumns(state)).toEqual([{ status: state.statuses.s, cards: [] }]);
  });
});
