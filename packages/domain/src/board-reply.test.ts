import { describe, expect, it } from "vitest";
import {
  type BoardReplyCard,
  boardReplySchema,
  compactBoard,
  compactCard,
  createPeopleIndex,
  expandBoard,
} from "./board-reply.js";
import type { SpaceBoard } from "./field-schemas.js";
import type { Card, CardRepeat, Space, Status } from "./schemas.js";

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

const space: Space = {
  id: uuid(1),
  workspaceId: uuid(2),
  folderId: null,
  name: "Ward 4B",
  description: "",
  position: "a0",
  isPrivate: false,
  serviceLevelDays: null,
  archivedAt: null,
  createdAt: "2026-03-01T08:00:00.000Z",
  updatedAt: "2026-03-01T08:00:00.000Z",
};

const status = (n: number, position: string): Status => ({
  id: uuid(10 + n),
  workspaceId: space.workspaceId,
  spaceId: space.id,
  name: `Column ${n}`,
  position,
  role: "in_progress",
  wipLimit: n === 1 ? 3 : null,
});
const statuses = [status(1, "a0"), status(2, "a1"), status(3, "a2")];

const people = { ana: uuid(100), bo: uuid(101), cy: uuid(102), di: uuid(103) };

const repeat: CardRepeat = {
  seriesId: uuid(200),
  rule: "FREQ=WEEKLY;BYDAY=MO",
  endsAfter: null,
  endsOn: "2027-01-31",
  timeZone: "Europe/Copenhagen",
  createWhen: "completed",
  daysBefore: 0,
  anchorDate: "2026-03-02",
  occurrenceDate: "2026-03-09",
  occurrenceCount: 2,
  nextDate: null,
};

/** A card with every optional field at its null, empty, zero, false or default value. */
const plainCard = (n: number, overrides: Partial<Card> = {}): Card => ({
  id: uuid(1000 + n),
  workspaceId: space.workspaceId,
  spaceId: space.id,
  statusId: statuses[0]?.id ?? "",
  name: `Card ${n}`,
  description: "",
  position: `a${n}`,
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
  createdAt: "2026-03-02T09:15:00.000Z",
  updatedAt: "2026-03-02T09:15:00.000Z",
  completedAt: null,
  archivedAt: null,
  version: 1,
  repeat: null,
  ...overrides,
});

/** Each optional field set on its own, and all of them set at once. */
const oneSet: Array<Partial<Card>> = [
  { description: "Bring the **new** rota" },
  { createdBy: people.ana },
  { responsibleId: people.bo },
  { coworkerIds: [people.cy, people.ana] },
  { labelIds: [uuid(300), uuid(301)] },
  { startDate: "1900-01-01" },
  { dueDate: "9999-12-30" },
  { todoTotal: 4 },
  { todoTotal: 4, todoDone: 4 },
  { isBlocked: true },
  { attachmentCount: 2 },
  { coverAttachmentId: uuid(400) },
  { updatedAt: "2026-03-05T17:45:12.345Z" },
  { completedAt: "2026-03-06T12:00:00.000Z" },
  { archivedAt: "2026-03-07T12:00:00.000Z" },
  { version: 7 },
  { repeat },
];
const allSet: Partial<Card> = Object.assign({}, ...oneSet, {
  name: "Øster 📋 عيادة — Zimmer 12 prüfen",
  description: "Line one\nLine two: «quoted» \u2028 and a tab\t",
  responsibleId: people.di,
  createdBy: people.di,
});

const cards: Card[] = [
  plainCard(0),
  ...oneSet.map((overrides, i) => plainCard(i + 1, overrides)),
  plainCard(50, { ...allSet, statusId: statuses[1]?.id ?? "" }),
  plainCard(51, { statusId: statuses[1]?.id ?? "", responsibleId: people.ana, coworkerIds: [people.di] }),
  plainCard(52, { statusId: statuses[2]?.id ?? "", createdBy: people.cy, isBlocked: true }),
];

const board: SpaceBoard = {
  space,
  role: "member",
  statuses,
  cards,
  seq: 42,
  relations: [
    {
      id: uuid(500),
      workspaceId: space.workspaceId,
      kind: "next",
      fromCardId: uuid(1001),
      toCardId: uuid(9999),
      createdAt: "2026-03-03T10:00:00.000Z",
    },
  ],
  fields: [
    {
      id: uuid(600),
      workspaceId: space.workspaceId,
      spaceId: space.id,
      name: "Bed",
      kind: "single_choice",
      options: [{ id: uuid(601), name: "Bett 3 🛏", color: "#d94f4f" }],
      showOnCard: true,
      position: "a0",
    },
  ],
  fieldValues: [{ cardId: uuid(1001), values: { [uuid(600)]: uuid(601) } }],
};

describe("the compact board reply", () => {
  it("expands back into the board it was made from, every optional field set and unset", () => {
    const reply = boardReplySchema.parse(JSON.parse(JSON.stringify(compactBoard(board))));
    expect(expandBoard(reply)).toEqual(board);
  });

  it("expands an empty board", () => {
    const empty = { ...board, cards: [], relations: [], fields: [], fieldValues: [] };
    const reply = compactBoard(empty);
    expect(reply.people).toEqual([]);
    expect(reply.cardsByStatus).toEqual({});
    expect(expandBoard(boardReplySchema.parse(reply))).toEqual(empty);
  });

  it("leaves out every field at its default, and the card's status, space and workspace", () => {
    const compact = compactCard(plainCard(0), createPeopleIndex());
    expect(Object.keys(compact).sort()).toEqual(["createdAt", "id", "name", "position"]);
  });

  it("keeps every field set, naming each person once by index", () => {
    const reply = compactBoard(board);
    expect(new Set(reply.people).size).toBe(reply.people.length);
    expect([...reply.people].sort()).toEqual(Object.values(people).sort());
    const full = reply.cardsByStatus[statuses[1]?.id ?? ""]?.[0] as BoardReplyCard;
    expect(Object.keys(full).length).toBe(Object.keys(plainCard(0)).length - 3);
    expect(reply.people[full.responsible ?? -1]).toBe(people.di);
    expect(full.coworkers?.map((index) => reply.people[index])).toEqual([people.cy, people.ana]);
  });

  it("groups cards by status in board order, leaving statuses without cards out", () => {
    const reply = compactBoard(board);
    expect(Object.keys(reply.cardsByStatus)).toEqual(statuses.map((s) => s.id));
    const withoutThird = compactBoard({ ...board, cards: cards.slice(0, -1) });
    expect(Object.keys(withoutThird.cardsByStatus)).toEqual(statuses.slice(0, 2).map((s) => s.id));
  });

  it("is much smaller than the full board", () => {
    const compactBytes = JSON.stringify(compactBoard(board)).length;
    expect(compactBytes).toBeLessThan(JSON.stringify(board).length * 0.75);
  });

  it("refuses a reply that names a person it does not list", () => {
    const reply = compactBoard(board);
    const broken = { ...reply, people: reply.people.slice(1) };
    const parsed = boardReplySchema.safeParse(JSON.parse(JSON.stringify(broken)));
    expect(parsed.success).toBe(false);
  });

  it("refuses a card outside the board's space", () => {
    const stray = plainCard(90, { spaceId: uuid(3) });
    expect(() => compactBoard({ ...board, cards: [...cards, stray] })).toThrow(RangeError);
  });

  it("keeps the people indexes of an earlier list when it grows", () => {
    const first = createPeopleIndex();
    const compactA = compactCard(plainCard(1, { responsibleId: people.ana }), first);
    const later = createPeopleIndex(first.ids);
    const compactB = compactCard(plainCard(2, { responsibleId: people.bo, createdBy: people.ana }), later);
    expect(first.ids).toEqual([people.ana]);
    expect(later.ids).toEqual([people.ana, people.bo]);
    expect(compactA.responsible).toBe(compactB.creator);
  });
});
