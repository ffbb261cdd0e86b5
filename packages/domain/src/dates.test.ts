import { describe, expect, it } from "vitest";
import type { CardRelation } from "./coordination-schemas.js";
import { addDays, dateConflicts, dueBucketOf, isLate, localClock, urgencyOf } from "./dates.js";

const today = "2027-03-10";

describe("urgency and lateness", () => {
  it("colours by urgency: done, overdue, due within a week, nothing", () => {
    expect(urgencyOf("2027-03-01", "completed", today)).toBe("done");
    expect(urgencyOf("2027-03-09", "in_progress", today)).toBe("overdue");
    expect(urgencyOf("2027-03-10", "in_progress", today)).toBe("due_soon");
    expect(urgencyOf("2027-03-17", "not_started", today)).toBe("due_soon");
    expect(urgencyOf("2027-03-18", "not_started", today)).toBe("none");
    expect(urgencyOf(null, "in_progress", today)).toBe("none");
  });

  it("calls a card late when its start passed while not started, or its due date passed while not completed", () => {
    expect(isLate({ startDate: "2027-03-09", dueDate: null }, "not_started", today)).toBe(true);
    expect(isLate({ startDate: "2027-03-09", dueDate: null }, "in_progress", today)).toBe(false);
    expect(isLate({ startDate: null, dueDate: "2027-03-09" }, "in_progress", today)).toBe(true);
    expect(isLate({ startDate: null, dueDate: "2027-03-09" }, "completed", today)).toBe(false);
  });

  it("groups my work by due date", () => {
    expect(dueBucketOf("2027-03-09", today)).toBe("overdue");
    expect(dueBucketOf(addDays(today, 7), today)).toBe("this_week");
    expect(dueBucketOf(addDays(today, 8), today)).toBe("later");
    expect(dueBucketOf(null, today)).toBe("no_date");
  });
});

describe("dateConflicts", () => {
  const rel = (kind: "parent" | "next", from: string, to: string): CardRelation => ({
    id: `${from}-${to}`,
    workspaceId: "w",
    kind,
    fromCardId: from,
    toCardId: to,
    createdAt: "2027-01-01T00:00:00.000Z",
  });
  const card = (id: string, startDate: string | null, dueDate: string | null) => ({
    id,
    name: id,
    startDate,
    dueDate,
  });

  it("flags a next card that starts before its previous one, on both cards", () => {
    const found = dateConflicts(
      [card("p", "2027-03-05", "2027-03-08"), card("n", "2027-03-04", "2027-03-09")],
      [rel("next", "p", "n")],
    );
    expect(found.map((c) => [c.cardId, c.otherCardId, c.kind])).toEqual([
      ["n", "p", "next_before_previous"],
      ["p", "n", "next_before_previous"],
    ]);
    expect(found[0]?.reason).toBe("'n' starts 2027-03-04, before its previous card 'p' ends 2027-03-08");
    // The same sentence in parts, for the interface to say in its own language.
    expect(found[0]?.facts).toEqual({
      edge: "starts_before_previous_ends",
      subject: "n",
      subjectDate: "2027-03-04",
      other: "p",
      otherDate: "2027-03-08",
    });
  });

  it("flags a next card that ends before its previous one ends", () => {
    const found = dateConflicts(
      [card("p", "2027-03-01", "2027-03-10"), card("n", "2027-03-02", "2027-03-09")],
      [rel("next", "p", "n")],
    );
    expect(found).toHaveLength(2);
  });

  it("flags a next card that starts while its previous one is still running (finish to start)", () => {
    // B runs Nov 25 to Dec 5; its next card D starts Dec 3, two days before B ends.
    const found = dateConflicts(
      [card("B", "2026-11-25", "2026-12-05"), card("D", "2026-12-03", "2026-12-10")],
      [rel("next", "B", "D")],
    );
    expect(found.map((c) => c.cardId).sort()).toEqual(["B", "D"]);
    expect(found[0]?.reason).toBe("'D' starts 2026-12-03, before its previous card 'B' ends 2026-12-05");
  });

  it("leaves a next card alone that starts on or after the day its previous one ends", () => {
    const sameDay = dateConflicts(
      [card("p", "2027-03-01", "2027-03-05"), card("n", "2027-03-05", "2027-03-09")],
      [rel("next", "p", "n")],
    );
    const later = dateConflicts(
      [card("p", "2027-03-01", "2027-03-05"), card("n", "2027-03-06", "2027-03-09")],
      [rel("next", "p", "n")],
    );
    expect([...sameDay, ...later]).toEqual([]);
  });

  it("follows a chain through an undated card", () => {
    const found = dateConflicts(
      [card("a", "2027-03-05", "2027-03-06"), card("b", null, null), card("c", "2027-03-01", "2027-03-02")],
      [rel("next", "a", "b"), rel("next", "b", "c")],
    );
    expect(found.map((c) => c.cardId).sort()).toEqual(["a", "c"]);
  });

  it("flags a child outside its parent's dates and leaves a fitting child alone", () => {
    const cards = [
      card("parent", "2027-03-01", "2027-03-31"),
      card("fits", "2027-03-02", "2027-03-30"),
      card("late", "2027-03-20", "2027-04-02"),
    ];
    const found = dateConflicts(cards, [rel("parent", "parent", "fits"), rel("parent", "parent", "late")]);
    expect(found.map((c) => c.cardId).sort()).toEqual(["late", "parent"]);
    expect(found[0]?.reason).toContain("after its parent 'parent' ends 2027-03-31");
  });

  it("treats a due-only card as a one-day milestone", () => {
    const found = dateConflicts(
      [card("p", null, "2027-03-10"), card("n", null, "2027-03-09")],
      [rel("next", "p", "n")],
    );
    expect(found).toHaveLength(2);
  });
});

describe("localClock", () => {
  const at = new Date("2026-12-07T06:30:00Z");
  it("gives the day and hour of the time zone, across the date line", () => {
    expect(localClock(at, "Europe/Paris")).toEqual({ day: "2026-12-07", hour: 7 });
    expect(localClock(at, "America/New_York")).toEqual({ day: "2026-12-07", hour: 1 });
    expect(localClock(at, "America/Los_Angeles")).toEqual({ day: "2026-12-06", hour: 22 });
    expect(localClock(at, "Pacific/Kiritimati")).toEqual({ day: "2026-12-07", hour: 20 });
  });
  it("falls back to UTC for no time zone or one the runtime does not know", () => {
    expect(localClock(at, null)).toEqual({ day: "2026-12-07", hour: 6 });
    expect(localClock(at, "Mars/Olympus_Mons")).toEqual({ day: "2026-12-07", hour: 6 });
  });
});
