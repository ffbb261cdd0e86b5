import { describe, expect, it } from "vitest";
import {
  cardsByDay,
  monthWeeks,
  placeCards,
  rescheduled,
  startOfWeek,
  upcomingEntries,
  weekOf,
} from "./calendar-grid";

const c = (id: string, startDate: string | null, dueDate: string | null) => ({
  id,
  name: id,
  startDate,
  dueDate,
});

describe("calendar grids", () => {
  it("a month grid is whole Monday-first weeks covering the month", () => {
    const weeks = monthWeeks("2025-03-15");
    expect(weeks[0]?.[0]).toBe("2025-02-24");
    expect(weeks.at(-1)?.at(-1)).toBe("2025-04-06");
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthWeeks("2027-02-10")).toHaveLength(4); // Feb 2027 starts on a Monday and has 28 days
  });

  it("a week grid is the Monday-to-Sunday week of the day", () => {
    expect(startOfWeek("2025-03-16")).toBe("2025-03-10");
    expect(weekOf("2025-03-12")).toEqual([
      ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14", "2025-03-15", "2025-03-16"],
    ]);
  });
});

describe("placeCards", () => {
  it("puts a due-only card on its due day and a start → due card across its span, split by week", () => {
    const weeks = placeCards(
      [c("due", null, "2025-03-12"), c("span", "2025-03-14", "2025-03-18"), c("none", null, null)],
      monthWeeks("2025-03-01"),
    );
    const byDay = cardsByDay(weeks);
    expect(byDay.get("2025-03-12")).toEqual(["due"]);
    expect(byDay.get("2025-03-11")).toEqual([]);
    for (const day of ["2025-03-14", "2025-03-15", "2025-03-16", "2025-03-17", "2025-03-18"])
      expect(byDay.get(day)).toContain("span");
    expect(byDay.get("2025-03-19")).toEqual([]);
    const segments = weeks.flatMap((w) => w.segments.filter((s) => s.cardId === "span"));
    expect(segments).toEqual([
      {
        cardId: "span",
        column: 4,
        span: 3,
        lane: expect.any(Number),
        continuesBefore: false,
        continuesAfter: true,
        day: "2025-03-14",
      },
      {
        cardId: "span",
        column: 0,
        span: 2,
        lane: 0,
        continuesBefore: true,
        continuesAfter: false,
        day: "2025-03-17",
      },
    ]);
    expect([...byDay.values()].flat()).not.toContain("none");
  });

  it("stacks overlapping cards in lanes and reuses free lanes", () => {
    const [week] = placeCards(
      [
        c("long", "2025-03-10", "2025-03-16"),
        c("a", null, "2025-03-11"),
        c("b", null, "2025-03-13"),
        c("x", null, "2025-03-11"),
      ],
      weekOf("2025-03-10"),
    );
    const lane = (id: string) => week?.segments.find((s) => s.cardId === id)?.lane;
    expect(lane("long")).toBe(0);
    expect(lane("a")).toBe(1);
    expect(lane("x")).toBe(2);
    expect(lane("b")).toBe(1);
    expect(week?.lanes).toBe(3);
  });
});

describe("rescheduled", () => {
  it("shifts start and due together, keeping the duration", () => {
    expect(rescheduled(c("a", "2025-03-10", "2025-03-12"), "2025-03-12", "2025-03-20")).toEqual({
      startDate: "2025-03-18",
      dueDate: "2025-03-20",
    });
    expect(rescheduled(c("b", null, "2025-03-12"), "2025-03-12", "2025-03-01")).toEqual({
      startDate: null,
      dueDate: "2025-03-01",
    });
  });
  it("gives an undated card the day it is dropped on as due date", () => {
    expect(rescheduled(c("u", null, null), "2025-03-05", "2025-03-05")).toEqual({
      startDate: null,
      dueDate: "2025-03-05",
    });
  });
});

describe("upcoming occurrences of repeating cards", () => {
  it("are entries of their own in the window, dated as their cards will be", () => {
    const repeating = {
      id: "r",
      name: "Ward round",
      startDate: "2026-12-08",
      dueDate: "2026-12-09",
      repeat: {
        seriesId: "5f0c3c1e-7c62-4d5b-9a55-2f1d6f0f7a10",
        rule: "FREQ=MONTHLY;BYDAY=+2TU",
        endsAfter: 3,
        endsOn: null,
        timeZone: "Europe/Berlin",
        createWhen: "completed" as const,
        daysBefore: 0,
        anchorDate: "2026-12-08",
        occurrenceDate: "2026-12-08",
        occurrenceCount: 1,
        nextDate: "2027-01-12",
      },
    };
    expect(
      upcomingEntries([repeating, { ...repeating, id: "plain", repeat: null }], "2026-12-01", "2027-06-30"),
    ).toEqual([
      {
        id: "r~2027-01-12",
        name: "Ward round",
        startDate: "2027-01-12",
        dueDate: "2027-01-13",
        sourceId: "r",
      },
      {
        id: "r~2027-02-09",
        name: "Ward round",
        startDate: "2027-02-09",
        dueDate: "2027-02-10",
        sourceId: "r",
      },
    ]);
  });
});
