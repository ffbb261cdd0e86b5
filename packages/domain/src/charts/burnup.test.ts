import { describe, expect, it } from "vitest";
import { burnup } from "./burnup.js";
import { card, input } from "./test-data.js";

const data = input(
  card("a", [
    ["2026-03-02", "todo"],
    ["2026-03-09", "done"],
  ]),
  card("c", [
    ["2026-03-04T08:00", "todo"],
    ["2026-03-04T17:00", "done"],
  ]),
  // Cancelled on the 5th: leaves the scope.
  card("e", [
    ["2026-03-01", "todo"],
    ["2026-03-05", "dropped"],
  ]),
  // An information card that becomes work on the 6th.
  card("f", [
    ["2026-03-01", "ideas"],
    ["2026-03-06", "todo"],
  ]),
  // Archived on the 7th.
  card("g", [["2026-03-03", "todo"]], "2026-03-07"),
);

describe("burn-up", () => {
  it("counts scope and completed cards at the end of each day as cards are added, cancelled and archived", () => {
    expect(burnup({ ...data, from: "2026-03-01", to: "2026-03-10" })).toEqual([
      { date: "2026-03-01", scope: 1, completed: 0 },
      { date: "2026-03-02", scope: 2, completed: 0 },
      { date: "2026-03-03", scope: 3, completed: 0 },
      { date: "2026-03-04", scope: 4, completed: 1 },
      { date: "2026-03-05", scope: 3, completed: 1 },
      { date: "2026-03-06", scope: 4, completed: 1 },
      { date: "2026-03-07", scope: 3, completed: 1 },
      { date: "2026-03-08", scope: 3, completed: 1 },
      { date: "2026-03-09", scope: 3, completed: 2 },
      { date: "2026-03-10", scope: 3, completed: 2 },
    ]);
  });

  it("carries what happened before the period into its first day", () => {
    expect(burnup({ ...data, from: "2026-03-05", to: "2026-03-06" })).toEqual([
      { date: "2026-03-05", scope: 3, completed: 1 },
      { date: "2026-03-06", scope: 4, completed: 1 },
    ]);
  });

  it("drops a reopened card from completed while it is open again", () => {
    const reopened = input(
      card("r", [
        ["2026-03-01", "todo"],
        ["2026-03-02", "done"],
        ["2026-03-03", "doing"],
        ["2026-03-04", "done"],
      ]),
    );
    expect(burnup({ ...reopened, from: "2026-03-01", to: "2026-03-04" }).map((p) => p.completed)).toEqual([
      0, 1, 0, 1,
    ]);
  });
});
