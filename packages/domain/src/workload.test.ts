import { describe, expect, it } from "vitest";
import {
  capacityOf,
  cardSpan,
  cardsByPerson,
  expandWorkload,
  layOutRow,
  loadOf,
  periodsOf,
  type WorkloadCard,
  weekStartOf,
  workloadDrop,
  workloadQuery,
  workloadReplySchema,
} from "./workload.js";

const ann = "00000000-0000-4000-8000-00000000000a";
const bob = "00000000-0000-4000-8000-00000000000b";
const cid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const space = "00000000-0000-4000-8000-0000000000ff";

const card = (n: number, over: Partial<WorkloadCard>): WorkloadCard => ({
  id: cid(n),
  spaceId: space,
  name: `Card ${n}`,
  startDate: null,
  dueDate: null,
  responsibleId: ann,
  coworkerIds: [],
  statusRole: "in_progress",
  isBlocked: false,
  ...over,
});

describe("cardSpan", () => {
  it("spans start to due, a lone due or start date is one day, no date is undated", () => {
    expect(cardSpan({ startDate: "2026-03-02", dueDate: "2026-03-05" })).toEqual({
      start: "2026-03-02",
      end: "2026-03-05",
    });
    expect(cardSpan({ startDate: null, dueDate: "2026-03-05" })).toEqual({
      start: "2026-03-05",
      end: "2026-03-05",
    });
    expect(cardSpan({ startDate: "2026-03-02", dueDate: null })).toEqual({
      start: "2026-03-02",
      end: "2026-03-02",
    });
    expect(cardSpan({ startDate: null, dueDate: null })).toBeNull();
  });
});

describe("periods and capacity", () => {
  it("weeks start on Monday and cover the window's first and last days", () => {
    // 2026-03-04 is a Wednesday; 2026-03-16 a Monday.
    expect(weekStartOf("2026-03-04")).toBe("2026-03-02");
    expect(weekStartOf("2026-03-08")).toBe("2026-03-02");
    expect(periodsOf("2026-03-04", "2026-03-16", "week").map((p) => p.start)).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
    ]);
    expect(periodsOf("2026-03-04", "2026-03-06", "day")).toHaveLength(3);
  });

  it("gives a working day a fifth of the weekly capacity and weekends none", () => {
    expect(capacityOf(10, { start: "2026-03-04", end: "2026-03-04" }, "day")).toBe(2);
    expect(capacityOf(10, { start: "2026-03-07", end: "2026-03-07" }, "day")).toBeNull();
    expect(capacityOf(10, { start: "2026-03-02", end: "2026-03-08" }, "week")).toBe(10);
    expect(capacityOf(null, { start: "2026-03-02", end: "2026-03-08" }, "week")).toBeNull();
  });
});

describe("loadOf", () => {
  const cards = [
    card(1, { startDate: "2026-03-02", dueDate: "2026-03-04" }), // Mon–Wed
    card(2, { dueDate: "2026-03-04" }), // Wed only
    card(3, { startDate: "2026-03-04", dueDate: "2026-03-10" }), // Wed to next Tue
    card(4, { dueDate: "2026-03-04", statusRole: "completed" }), // done: not workload
    card(5, {}), // undated
  ];

  it("counts the cards held on each day and marks days above capacity / 5", () => {
    const days = loadOf(cards, periodsOf("2026-03-02", "2026-03-06", "day"), "day", 10);
    expect(days.map((d) => d.count)).toEqual([1, 1, 3, 1, 1]);
    expect(days.map((d) => d.isOverloaded)).toEqual([false, false, true, false, false]);
  });

  it("counts a card once in each week it touches", () => {
    const weeks = loadOf(cards, periodsOf("2026-03-02", "2026-03-15", "week"), "week", 2);
    expect(weeks.map((w) => w.count)).toEqual([3, 1]);
    expect(weeks.map((w) => w.isOverloaded)).toEqual([true, false]);
  });

  it("never marks overload without a capacity, and clips cards outside the window", () => {
    const weeks = loadOf(
      [card(6, { startDate: "2026-01-01", dueDate: "2026-12-31" })],
      periodsOf("2026-03-02", "2026-03-15", "week"),
      "week",
      null,
    );
    expect(weeks.map((w) => [w.count, w.isOverloaded])).toEqual([
      [1, false],
      [1, false],
    ]);
  });
});

describe("layOutRow and cardsByPerson", () => {
  it("stacks overlapping cards on separate lanes and tells responsible from co-worker", () => {
    const cards = [
      card(1, { startDate: "2026-03-02", dueDate: "2026-03-04" }),
      card(2, { startDate: "2026-03-03", dueDate: "2026-03-03", responsibleId: bob, coworkerIds: [ann] }),
      card(3, { startDate: "2026-03-05", dueDate: "2026-03-06" }),
    ];
    const row = layOutRow(cards, ann);
    expect(row.lanes).toBe(2);
    expect(row.bars.map((b) => [b.card.id, b.assignment, b.lane])).toEqual([
      [cid(1), "responsible", 0],
      [cid(2), "coworker", 1],
      [cid(3), "responsible", 0],
    ]);
    const byPerson = cardsByPerson(cards);
    expect(byPerson.get(ann)?.map((c) => c.id)).toEqual([cid(1), cid(2), cid(3)]);
    expect(byPerson.get(bob)?.map((c) => c.id)).toEqual([cid(2)]);
  });
});

describe("workloadDrop", () => {
  const dated = card(1, { startDate: "2026-03-02", dueDate: "2026-03-04", coworkerIds: [] });

  it("makes the target person responsible when the responsible card changes rows", () => {
    expect(workloadDrop(dated, { fromUserId: ann, toUserId: bob, days: 0 })).toEqual({ responsibleId: bob });
  });

  it("swaps the co-worker when a co-worker card changes rows", () => {
    const shared = { ...dated, responsibleId: null, coworkerIds: [ann] };
    expect(workloadDrop(shared, { fromUserId: ann, toUserId: bob, days: 0 })).toEqual({ coworkerIds: [bob] });
  });

  it("shifts both dates when moved along the row, keeping a missing date missing", () => {
    expect(workloadDrop(dated, { fromUserId: ann, toUserId: ann, days: 3 })).toEqual({
      startDate: "2026-03-05",
      dueDate: "2026-03-07",
    });
    const dueOnly = { ...dated, startDate: null };
    expect(workloadDrop(dueOnly, { fromUserId: ann, toUserId: ann, days: -2 })).toEqual({
      dueDate: "2026-03-02",
    });
  });

  it("schedules an undated card on the day it is dropped and gives it to the row's person", () => {
    const undated = card(2, { responsibleId: null });
    expect(workloadDrop(undated, { fromUserId: null, toUserId: bob, days: 0, day: "2026-03-09" })).toEqual({
      startDate: "2026-03-09",
      dueDate: "2026-03-09",
      responsibleId: bob,
    });
  });

  it("does not reassign to someone who already holds the card", () => {
    const shared = { ...dated, coworkerIds: [bob] };
    expect(workloadDrop(shared, { fromUserId: ann, toUserId: bob, days: 0 })).toEqual({});
  });
});

describe("workloadQuery", () => {
  it("refuses a window that ends before it starts or is longer than the limit", () => {
    expect(workloadQuery.safeParse({ from: "2026-03-02", to: "2026-03-01" }).success).toBe(false);
    expect(workloadQuery.safeParse({ from: "2025-01-01", to: "2026-12-31" }).success).toBe(false);
    expect(workloadQuery.safeParse({ from: "2026-03-01", to: "2026-03-31" }).success).toBe(true);
  });
});

describe("the compact reply", () => {
  it("leaves out what is null, empty or false and expands to the view's shape with them filled in", () => {
    const reply = workloadReplySchema.parse({
      from: "2026-03-02",
      to: "2026-03-29",
      people: [
        { userId: ann, name: "Ann" },
        { userId: bob, name: "Bob", color: "#123456", capacityPerWeek: 5 },
      ],
      spaces: [{ id: space, seq: 4 }],
      cards: [
        { id: cid(1), space: 0, name: "Due only", dueDate: "2026-03-04" },
        {
          id: cid(2),
          space: 0,
          name: "Both",
          startDate: "2026-03-02",
          dueDate: "2026-03-03",
          responsibleId: ann,
          coworkerIds: [bob],
          isBlocked: true,
        },
      ],
      undated: [{ id: cid(3), space: 0, name: "Loose" }],
      undatedTotal: 1,
    });
    const view = expandWorkload(reply);
    expect(view.people[0]).toEqual({ userId: ann, name: "Ann", color: null, capacityPerWeek: null });
    expect(view.cards[0]).toEqual({
      id: cid(1),
      spaceId: space,
      name: "Due only",
      startDate: null,
      dueDate: "2026-03-04",
      responsibleId: null,
      coworkerIds: [],
      isBlocked: false,
    });
    expect(view.cards[1]).toMatchObject({ responsibleId: ann, coworkerIds: [bob], isBlocked: true });
    expect(view.undated[0]?.spaceId).toBe(space);
    // A card without a status role is open: it counts and is laid out.
    expect(loadOf(view.cards, periodsOf("2026-03-02", "2026-03-08", "week"), "week", 5)[0]?.count).toBe(2);
  });

  it("refuses a null or false where the reply leaves the field out", () => {
    const base = { id: cid(1), space: 0, name: "Card" };
    const parse = (card: object) =>
      workloadReplySchema.safeParse({
        from: "2026-03-02",
        to: "2026-03-29",
        people: [],
        spaces: [],
        cards: [card],
        undated: [],
        undatedTotal: 0,
      }).success;
    expect(parse(base)).toBe(true);
    expect(parse({ ...base, dueDate: null })).toBe(false);
    expect(parse({ ...base, isBlocked: false })).toBe(false);
    expect(parse({ ...base, coworkerIds: [] })).toBe(false);
  });
});
