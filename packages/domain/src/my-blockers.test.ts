import { describe, expect, it } from "vitest";
import { compareBlockers, type ImpactCard, type ImpactRelation, waitingOn } from "./my-blockers.js";

const open = (id: string, dueDate: string | null = null): ImpactCard => ({
  id,
  dueDate,
  role: "not_started",
  isCounted: true,
});

describe("waitingOn", () => {
  const relations: ImpactRelation[] = [
    { kind: "next", fromCardId: "a", toCardId: "b" },
    { kind: "next", fromCardId: "b", toCardId: "c" },
    // "p" is the parent of "a": a parent waits on its children.
    { kind: "parent", fromCardId: "p", toCardId: "a" },
    // "a" is the parent of "kid": the child does not wait on its parent.
    { kind: "parent", fromCardId: "a", toCardId: "kid" },
    { kind: "next", fromCardId: "x", toCardId: "a" },
  ];

  it("follows next cards and parents transitively, never the card's own prerequisites", () => {
    const cards = new Map(
      [open("b", "2027-05-01"), open("c", "2027-04-01"), open("p"), open("kid"), open("x")].map((c) => [
        c.id,
        c,
      ]),
    );
    expect(waitingOn("a", relations, cards).map((c) => c.id)).toEqual(["c", "b", "p"]);
  });

  it("passes the wait through done, archived or unreadable cards without counting them", () => {
    const cards = new Map<string, ImpactCard>([
      ["b", { ...open("b"), role: "completed" }],
      ["c", open("c")],
      ["p", { ...open("p"), isCounted: false }],
    ]);
    expect(waitingOn("a", relations, cards).map((c) => c.id)).toEqual(["c"]);
  });
});

describe("compareBlockers", () => {
  const blocker = (name: string, waiting: number, soonestDue: string | null, blockedAt: string) => ({
    cardId: `00000000-0000-4000-8000-00000000000${name.length}`,
    name,
    waiting,
    soonestDue,
    blockings: [{ blockedAt }],
  });

  it("puts the most waiting first, then the soonest due among them, then the oldest blocking", () => {
    const list = [
      blocker("undated", 2, null, "2027-01-01T00:00:00Z"),
      blocker("lone", 0, null, "2026-01-01T00:00:00Z"),
      blocker("many", 5, "2027-09-01", "2027-03-01T00:00:00Z"),
      blocker("soon", 2, "2027-04-01", "2027-03-01T00:00:00Z"),
      blocker("older", 2, "2027-04-01", "2027-02-01T00:00:00Z"),
    ];
    expect([...list].sort((a, b) => compareBlockers(a, b)).map((b) => b.name)).toEqual([
      "many",
      "older",
      "soon",
      "undated",
      "lone",
    ]);
  });
});
